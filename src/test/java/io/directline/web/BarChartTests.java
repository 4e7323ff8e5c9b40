package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTests {

    @Test
    void drawsEachCategoryInOrderInProportionUpToARoundTop() {
        var chart = BarChart.of(List.of(
                new BarChart.Item("−24 or less", 3, "3 owners"),
                new BarChart.Item("0", 0, "no owner"),
                new BarChart.Item("12 or more", 9, "9 owners")));

        assertThat(chart.top()).isEqualTo(10);
        assertThat(chart.ticks()).extracting(WeeklyChart.Tick::value).containsExactly(0L, 2L, 4L, 6L, 8L, 10L);
        assertThat(chart.bars()).extracting(BarChart.Bar::label).containsExactly("−24 or less", "0", "12 or more");
        var few = chart.bars().get(0);
        var many = chart.bars().get(2);
        assertThat(few.y() + few.height()).isEqualTo(WeeklyChart.BOTTOM);
        assertThat(many.height()).isCloseTo(3 * few.height(), within(0.5));
        assertThat(chart.bars().get(1).height())
                .as("an empty bucket draws no bar")
                .isZero();
        assertThat(few.x()).isLessThan(chart.bars().get(1).x());
        assertThat(many.x() + many.width()).isLessThanOrEqualTo(WeeklyChart.RIGHT);
    }

    @Test
    void keepsAnAxisWhenEveryCountIsZero() {
        var chart = BarChart.of(List.of(new BarChart.Item("E-mail", 0, "none")));

        assertThat(chart.top()).isEqualTo(1);
        assertThat(chart.bars().get(0).height()).isZero();
    }
}
