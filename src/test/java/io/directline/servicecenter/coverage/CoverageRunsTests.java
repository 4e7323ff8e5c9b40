package io.directline.servicecenter.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * One analysis at a time, without Spring: the runs wait in an executor the test holds, so a second start finds the
 * first still running; a run that fails frees the way and says so.
 */
class CoverageRunsTests {

    private final List<Runnable> held = new ArrayList<>();
    // no owners' source nor index: a held run that is let go fails, as a broken database would make it
    private final CoverageAnalysis analysis = new CoverageAnalysis(
            null, null, null, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC), held::add);

    @Test
    void aSecondStartWhileOneRunsAnswersTheRunningOneWithItsOwnK() {
        var first = analysis.start(3, "sue");
        var second = analysis.start(7, "ann");

        assertThat(first.alreadyRunning()).isFalse();
        assertThat(second.alreadyRunning()).isTrue();
        assertThat(second.run().runId()).isEqualTo(first.run().runId());
        assertThat(second.run().k()).isEqualTo(3);
        assertThat(second.run().startedBy()).isEqualTo("sue");
        assertThat(held).as("one run queued").hasSize(1);
        assertThat(analysis.status().running().runId()).isEqualTo(first.run().runId());
    }

    @Test
    void aFailedRunFreesTheWayAndSaysSo() {
        analysis.start(3, "sue");
        held.remove(0).run();

        var status = analysis.status();
        assertThat(status.running()).isNull();
        assertThat(status.last()).isNull();
        assertThat(status.failure()).contains("stopped with an error", "Run it again");
        assertThat(analysis.start(4, "ann").alreadyRunning()).isFalse();
    }

    @Test
    void refusesAKOutOfRangeWithTheNumberTyped() {
        for (var typed : List.of("0", "51", "-1", "five", "2.5")) {
            assertThatThrownBy(() -> CoverageAnalysis.parseK(typed))
                    .isInstanceOf(ErrorResponseException.class)
                    .satisfies(e -> assertThat(
                                    ((ErrorResponseException) e).getBody().getDetail())
                            .contains("from 1 to 50, not ")
                            .contains(typed.replace("'", "")));
        }
        assertThat(CoverageAnalysis.parseK(" 50 ")).isEqualTo(50);
        assertThat(CoverageAnalysis.parseK("")).isEqualTo(CoverageAnalysis.DEFAULT_K);
        assertThatThrownBy(() -> analysis.start(0, "sue")).isInstanceOf(ErrorResponseException.class);
        assertThat(held).isEmpty();
    }
}
