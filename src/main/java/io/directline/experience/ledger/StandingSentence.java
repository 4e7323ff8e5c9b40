package io.directline.experience.ledger;

import java.time.Duration;
import java.time.LocalDate;

/** The one sentence that explains an owner's balance to a person. */
final class StandingSentence {

    private StandingSentence() {}

    /**
     * @param latestBad what the latest bad experience in the window was ("promise broken on case DL-000123"), or null
     * @param oldestBadLeaves the day the oldest bad experience in the window leaves it, or null without one
     */
    static String of(Balance balance, Duration window, String latestBad, LocalDate oldestBadLeaves) {
        long days = window.toDays();
        int good = balance.positives();
        int bad = balance.negatives();
        if (good == 0 && bad == 0) {
            return "No experiences recorded over the last " + days + " days: the balance stands at 0, not at risk.";
        }
        var badPart = count(bad, "bad experience", "bad experiences")
                + (latestBad == null ? "" : bad == 1 ? " (" + latestBad + ")" : " (latest: " + latestBad + ")");
        if (!balance.atRisk()) {
            var goodPart = count(good, "good experience", "good experiences");
            if (bad == 0) {
                return "Not at risk: " + goodPart + " and no bad one; the balance is " + signed(balance.value()) + ".";
            }
            return "Not at risk: " + goodPart + (good == 1 ? " outweighs " : " outweigh ") + badPart
                    + ", each bad one weighing " + balance.negativeWeight() + " good ones; the balance is "
                    + signed(balance.value()) + ".";
        }
        var sentence = new StringBuilder("At risk: ")
                .append(badPart)
                .append(bad == 1 ? " outweighs " : " outweigh ")
                .append(good == 0 ? "no good one" : count(good, "good one", "good ones"))
                .append(" (balance ")
                .append(signed(balance.value()))
                .append("); ")
                .append(balance.goodNeeded())
                .append(" more good ")
                .append(balance.goodNeeded() == 1 ? "one" : "ones")
                .append(" over the next ")
                .append(days)
                .append(" days, and no bad one, bring the balance back to zero");
        if (oldestBadLeaves != null) {
            sentence.append("; the oldest bad one leaves the window on ").append(oldestBadLeaves);
        }
        return sentence.append('.').toString();
    }

    static String signed(int value) {
        return value > 0 ? "+" + value : value < 0 ? "−" + (-value) : "0";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
