package io.directline.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who heard of their delay before asking, per week, for the reports of other modules: the owners who opened a case
 * about a delayed order, told first or not, as the delay figures count them.
 */
public interface DelayAskTrends {

    /** The asks of one week, from Monday 00:00 UTC (the first and last cut to the period). */
    record WeekAsks(LocalDate weekStart, long toldBeforeAsking, long hadToAsk) {}

    /** Every week of {@code [from, to)}, the earliest first, empty ones too; never null. */
    List<WeekAsks> weekly(Instant from, Instant to);
}
