package io.directline.escalation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationReportChartTests {

    @Test
    void drawsEachBarInProportionToTheLargestCount() {
        var chart = EscalationChart.of(List.of(
                new EscalationChart.Item("The reason was too short", 8),
                new EscalationChart.Item("Too soon after the owner's last escalation", 2)));

        var longest = chart.bars().get(0);
        var shorter = chart.bars().get(1);
        assertThat(longest.width()).isEqualTo(EscalationChart.RIGHT - EscalationChart.LEFT);
        assertThat(shorter.width()).isCloseTo(longest.width() / 4, within(0.2));
        assertThat(shorter.countX()).as("the count just after the bar").isGreaterThan(shorter.width());
        assertThat(longest.title()).isEqualTo("The reason was too short: 8");
    }

    @Test
    void putsEachLabelOnItsOwnLineAboveItsBarAndGrowsWithTheRows() {
        var items = List.of(
                new EscalationChart.Item("Answered", 3),
                new EscalationChart.Item("With the executive", 1),
                new EscalationChart.Item("Refused by the executive office", 1));
        var chart = EscalationChart.of(items);

        for (int i = 0; i < items.size(); i++) {
            var bar = chart.bars().get(i);
            assertThat(bar.labelY()).isLessThan(bar.y());
            if (i > 0) {
                var above = chart.bars().get(i - 1);
                assertThat(bar.labelY() - EscalationChart.LABEL_BASELINE)
                        .as("below the bar above")
                        .isGreaterThan(above.y() + EscalationChart.BAR_HEIGHT);
            }
        }
        var last = chart.bars().get(2);
        assertThat(chart.height()).isGreaterThan((int) (last.y() + EscalationChart.BAR_HEIGHT));
        assertThat(EscalationChart.of(items.subList(0, 1)).height()).isLessThan(chart.height());
    }

    @Test
    void drawsNoBarForNothingButKeepsTheRowAndItsZero() {
        var chart = EscalationChart.of(List.of(
                new EscalationChart.Item("Awaiting the executive office's approval", 0),
                new EscalationChart.Item("Closed", 0)));

        assertThat(chart.bars()).hasSize(2).allMatch(b -> b.width() == 0 && b.count() == 0);
        assertThat(chart.max()).isZero();
    }

    @Test
    void readsDurationsAsAPersonWould() {
        assertThat(EscalationReport.text(java.time.Duration.ofMinutes(40))).isEqualTo("40 min");
        assertThat(EscalationReport.text(java.time.Duration.ofMinutes(312))).isEqualTo("5 h 12 min");
        assertThat(EscalationReport.text(java.time.Duration.ofHours(52))).isEqualTo("2 d 4 h");
        assertThat(EscalationReport.text(java.time.Duration.ofSeconds(20))).isEqualTo("under a minute");
        assertThat(EscalationReport.text(null)).isEqualTo("–");
    }
}
