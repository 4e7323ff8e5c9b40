package io.directline.experience.priority;

import io.directline.experience.Standing;
import io.directline.experience.ledger.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

/**
 * Orders cases by what is at stake. A case's score, in minutes, is
 *
 * <pre>
 *   score = stake − minutes to SLA breach
 *   stake = min(max-stake, minutes-per-thousand-at-risk × value at risk ÷ $1,000
 *                          + minutes-per-balance-point × max(0, −balance))
 * </pre>
 *
 * and the highest score comes first: a case moves ahead of its SLA deadline by the minutes its owner's stake is
 * worth. Because "minutes to breach" falls by one each minute for every case alike, the order is the same at every
 * instant: it is the order of (SLA deadline − stake), ascending, which the case stores as its priority instant and
 * an index serves. A case without a running clock has no deadline and comes after every case with one. With the
 * defaults (2 min per $1,000 at risk, 5 min per balance point, at most 24 h) an owner at −7 with $61k at risk moves
 * ahead by 122 + 35 = 157 minutes.
 */
public final class PriorityPolicy {

    private final PriorityProperties properties;

    public PriorityPolicy(PriorityProperties properties) {
        this.properties = properties;
    }

    /**
     * What is at stake for an owner, and its words.
     *
     * @param minutes how far the owner's cases move ahead of their SLA deadlines, 0 or more
     * @param reason "owner at risk (balance −7) · $210k lifetime value", or null when nothing is at stake
     */
    public record Stake(int minutes, String reason) {

        public static final Stake NONE = new Stake(0, null);
    }

    /** The stake of an owner who stands where {@code standing} says. */
    public Stake stakeOf(Standing standing) {
        return stakeOf(standing.balance(), standing.valueAtRisk(), standing.lifetimeValue());
    }

    /** The stake from the owner's balance, value at risk and lifetime value. */
    public Stake stakeOf(int balance, BigDecimal valueAtRisk, BigDecimal lifetimeValue) {
        long fromValue = valueAtRisk
                .multiply(BigDecimal.valueOf(properties.minutesPerThousandAtRisk()))
                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP)
                .longValue();
        long fromBalance = (long) Math.max(0, -balance) * properties.minutesPerBalancePoint();
        int minutes = (int) Math.min(properties.maxStake().toMinutes(), Math.max(0, fromValue + fromBalance));
        var words = new ArrayList<String>();
        if (balance < 0) {
            words.add("owner at risk (balance −" + (-balance) + ")");
        }
        if (lifetimeValue.signum() > 0) {
            words.add(Money.shortUsd(lifetimeValue) + " lifetime value"
                    + (valueAtRisk.signum() > 0 ? " (" + Money.shortUsd(valueAtRisk) + " at risk)" : ""));
        }
        return new Stake(minutes, words.isEmpty() ? null : String.join(" · ", words));
    }

    /**
     * The score of a case at an instant: {@code stake − minutes to breach}; a case without a deadline scores below
     * every case with one.
     */
    public long score(Instant slaDueAt, int stakeMinutes, Instant now) {
        if (slaDueAt == null) {
            return Long.MIN_VALUE / 2 + stakeMinutes;
        }
        return stakeMinutes - Duration.between(now, slaDueAt).toMinutes();
    }

    /** Why a case is where it is: "breaches in 40 min · owner at risk (balance −7) · $210k lifetime value". */
    public String whyHere(Instant slaDueAt, String stakeReason, Instant now) {
        var breach = slaDueAt == null
                ? "no SLA clock running"
                : slaDueAt.isAfter(now)
                        ? "breaches in " + span(Duration.between(now, slaDueAt))
                        : "breached " + span(Duration.between(slaDueAt, now)) + " ago";
        return stakeReason == null ? breach : breach + " · " + stakeReason;
    }

    /** "2 d 4 h", "3 h 20 min", "12 min", "under a minute". */
    static String span(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d" + (d.toHoursPart() > 0 ? " " + d.toHoursPart() + " h" : "");
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " min" : "");
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : "under a minute";
    }
}
