package io.directline.sla.godark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.directline.web.WeeklyChart;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GoDarkChartTests {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-16");

    @Test
    void roundsTheAxisUpToAFewWholeSteps() {
        assertThat(List.of(0L, 4L, 5L, 6L, 10L, 11L, 25L, 26L, 999L).stream()
                        .map(WeeklyChart::step)
                        .toList())
                .containsExactly(1L, 1L, 1L, 2L, 2L, 5L, 5L, 10L, 200L);

        var chart = GoDarkChart.of(List.of(week(0, 5, 2)));
        assertThat(chart.top()).isEqualTo(8);
        assertThat(chart.ticks()).extracting(WeeklyChart.Tick::value).containsExactly(0L, 2L, 4L, 6L, 8L);
    }

    @Test
    void stacksBrokenPromisesOnResponseBreachesInProportion() {
        var chart = GoDarkChart.of(List.of(week(0, 6, 2), week(1, 2, 0)));

        var busy = chart.bars().get(0);
        assertThat(busy.lowerY() + busy.lowerHeight()).isEqualTo(WeeklyChart.BOTTOM);
        assertThat(busy.upperY() + busy.upperHeight()).isCloseTo(busy.lowerY(), within(0.2));
        assertThat(busy.lowerHeight()).isCloseTo(3 * busy.upperHeight(), within(0.5));
        assertThat(busy.upperY())
                .as("8 incidents reach the top of an axis up to 8")
                .isEqualTo(WeeklyChart.TOP);
        var quiet = chart.bars().get(1);
        assertThat(quiet.upperHeight()).isZero();
        assertThat(quiet.lowerHeight()).isCloseTo(busy.lowerHeight() / 3, within(0.2));
        assertThat(quiet.x()).isGreaterThan(busy.x() + busy.width());
        assertThat(busy.title()).isEqualTo("Week of 16 Nov 2026: 6 response breaches, 2 broken promises");
    }

    @Test
    void drawsNoBarsButAnAxisForAPeriodWithoutIncidents() {
        var chart = GoDarkChart.of(List.of(week(0, 0, 0), week(1, 0, 0)));

        assertThat(chart.bars()).allMatch(b -> b.lowerHeight() == 0 && b.upperHeight() == 0);
        assertThat(chart.ticks()).extracting(WeeklyChart.Tick::value).containsExactly(0L, 1L);
    }

    @Test
    void labelsAsManyWeeksAsFitWithoutOverlapAlwaysTheCurrentOne() {
        var twelve = GoDarkChart.of(weeks(12));
        assertThat(twelve.labels()).hasSize(12);
        assertThat(twelve.labels().get(11).text()).isEqualTo("16 Nov");

        var twoYears = GoDarkChart.of(weeks(104));
        var labels = twoYears.labels();
        assertThat(labels).hasSizeBetween(8, 16);
        assertThat(labels.get(labels.size() - 1).text()).isEqualTo("16 Nov");
        for (int i = 1; i < labels.size(); i++) {
            assertThat(labels.get(i).x() - labels.get(i - 1).x()).isGreaterThanOrEqualTo(44);
        }
    }

    private static List<GoDarkReport.Week> weeks(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> week(i - count + 1, 1, 0))
                .toList();
    }

    /** The week {@code offset} weeks from the week of 16 November 2026. */
    private static GoDarkReport.Week week(int offset, long breaches, long broken) {
        return new GoDarkReport.Week(MONDAY.plusWeeks(offset), breaches, broken);
    }
}
