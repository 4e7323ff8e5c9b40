package io.directline.sla.godark;

import io.directline.web.WeeklyChart;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The go-dark incidents per week as a {@link WeeklyChart}: response breaches at the bottom, broken promises on top. */
final class GoDarkChart {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private GoDarkChart() {}

    static WeeklyChart of(List<GoDarkReport.Week> weeks) {
        return WeeklyChart.of(weeks.stream()
                .map(w -> new WeeklyChart.Week(w.weekStart(), w.responseBreaches(), w.brokenPromises(), title(w)))
                .toList());
    }

    private static String title(GoDarkReport.Week week) {
        return "Week of " + DATE.format(week.weekStart()) + ": " + week.responseBreaches() + " response "
                + (week.responseBreaches() == 1 ? "breach" : "breaches") + ", " + week.brokenPromises()
                + " broken " + (week.brokenPromises() == 1 ? "promise" : "promises");
    }
}
