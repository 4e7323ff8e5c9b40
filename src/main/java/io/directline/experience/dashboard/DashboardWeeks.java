package io.directline.experience.dashboard;

import io.directline.web.ReportPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The weeks of a period as the dashboard counts them, and as the delay figures do: from Monday 00:00 UTC, the first
 * and the last cut to the period. {@code boundaries} has one more element than {@code mondays}: week i is
 * {@code [boundaries[i], boundaries[i+1])}.
 */
record DashboardWeeks(List<LocalDate> mondays, List<Instant> boundaries) {

    static DashboardWeeks of(ReportPeriod period) {
        var from = period.from();
        var to = period.to();
        var mondays = new ArrayList<LocalDate>();
        var boundaries = new ArrayList<Instant>();
        for (var monday = LocalDate.ofInstant(from, ZoneOffset.UTC)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                monday.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to);
                monday = monday.plusWeeks(1)) {
            var start = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
            mondays.add(monday);
            boundaries.add(start.isBefore(from) ? from : start);
        }
        boundaries.add(to);
        return new DashboardWeeks(List.copyOf(mondays), List.copyOf(boundaries));
    }

    int size() {
        return mondays.size();
    }
}
