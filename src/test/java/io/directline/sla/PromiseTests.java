package io.directline.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class PromiseTests {

    private static final Instant MADE = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-20T17:00:00Z");

    private static Promise callBackFriday() {
        return new Promise(7, "We will call you back Friday.", DUE, "agent.anna", "agent.ben", MADE);
    }

    @Test
    void keepsAnOpenPromiseBeforeItsDueTime() {
        var promise = callBackFriday();
        var now = DUE.minus(Duration.ofMinutes(1));

        promise.keep("agent.anna", now);

        assertThat(promise.getStatus()).isEqualTo(PromiseStatus.KEPT);
        assertThat(promise.getKeptAt()).isEqualTo(now);
    }

    @Test
    void refusesToKeepAPromiseOnceItsDueTimeHasCome() {
        var promise = callBackFriday();

        assertConflict(() -> promise.keep("agent.anna", DUE), "Too late to keep");
        assertConflict(() -> promise.keep("agent.anna", DUE.plusSeconds(1)), "Too late to keep");
        assertThat(promise.getStatus()).isEqualTo(PromiseStatus.OPEN);
    }

    @Test
    void refusesToKeepAPromiseTwice() {
        var promise = callBackFriday();
        promise.keep("agent.anna", MADE);

        assertConflict(() -> promise.keep("agent.anna", MADE), "Promise not open");
    }

    @Test
    void breaksAnOpenPromiseOnceDue() {
        var promise = callBackFriday();

        promise.breakAt(DUE);

        assertThat(promise.getStatus()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(promise.getBrokenAt()).isEqualTo(DUE);
    }

    @Test
    void refusesToBreakAPromiseBeforeItIsDue() {
        var promise = callBackFriday();

        assertConflict(() -> promise.breakAt(DUE.minusNanos(1000)), "Not yet due");
        assertThat(promise.getStatus()).isEqualTo(PromiseStatus.OPEN);
    }

    @Test
    void refusesToBreakAKeptPromise() {
        var promise = callBackFriday();
        promise.keep("agent.anna", MADE);

        assertConflict(() -> promise.breakAt(DUE.plusSeconds(60)), "Promise not open");
        assertThat(promise.getStatus()).isEqualTo(PromiseStatus.KEPT);
    }

    @Test
    void refusesToKeepABrokenPromise() {
        var promise = callBackFriday();
        promise.breakAt(DUE);

        assertConflict(() -> promise.keep("agent.anna", DUE.plusSeconds(1)), "Promise not open");
        assertThat(promise.getStatus()).isEqualTo(PromiseStatus.BROKEN);
    }

    private static void assertConflict(Runnable action, String title) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getBody().getTitle()).isEqualTo(title);
            assertThat(e.getBody().getDetail()).endsWith(".");
        });
    }
}
