package io.directline.experience.ledger;

import java.util.List;

/** An owner's standing as lines of "what, value, how it was computed", for the owner page and the case page. */
public final class StandingLines {

    private StandingLines() {}

    /** One line. */
    public record Line(String what, String value, String how) {}

    public static List<Line> of(Ledger.Breakdown b, long windowDays) {
        var s = b.standing();
        return List.of(
                new Line("Standing", s.atRisk() ? "At risk" : "Not at risk", s.explanation()),
                new Line(
                        "Balance",
                        StandingSentence.signed(s.balance()),
                        "Good − " + b.balance().negativeWeight() + " × bad over the last " + windowDays + " days: "
                                + b.balance().formula() + "."),
                new Line(
                        "Lifetime value",
                        Money.usd(s.lifetimeValue()),
                        b.lifetime().how()),
                new Line("Value at risk", Money.usd(s.valueAtRisk()), b.valueAtRiskHow()));
    }
}
