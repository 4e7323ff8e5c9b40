package io.directline.escalation;

import io.directline.cases.CaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Attempts and earlier escalations for the guard's tests; 2026-11-20 is a Friday. */
final class EscalationFixtures {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final long CASE = 42;
    static final long OTHER_CASE = 7;
    static final String GOOD_REASON = "My car has been at the dealer for three weeks and nobody calls me back.";

    private EscalationFixtures() {}

    /** The documented defaults: 24h, 2 per 90 days, 7 days apart, 40 characters. */
    static EscalationProperties defaults() {
        return new EscalationProperties(
                Duration.ofHours(24), 2, Duration.ofDays(90), Duration.ofDays(7), 40, Map.of(), Duration.ofHours(24));
    }

    static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    static Instant daysFromNow(long days) {
        return NOW.plus(Duration.ofDays(days));
    }

    /** An owner's open case, two days old, escalated for the first time with a good reason. */
    static AttemptBuilder attempt() {
        return new AttemptBuilder();
    }

    static Attempt.PastEscalation answered(long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, EscalationState.ANSWERED, false, false, false);
    }

    static Attempt.PastEscalation inState(EscalationState state, long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, state, false, false, false);
    }

    static Attempt.PastEscalation frivolous(long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, EscalationState.CLOSED, true, false, false);
    }

    static Attempt.PastEscalation refusedByTheOffice(long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, EscalationState.CLOSED, false, true, false);
    }

    /** Made because we had failed the owner on that case. */
    static Attempt.PastEscalation afterCompanyFailure(long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, EscalationState.ANSWERED, false, false, true);
    }

    static final class AttemptBuilder {

        private Instant now = NOW;
        private boolean ownersCase = true;
        private CaseStatus status = CaseStatus.OPEN;
        private Instant openedAt = daysAgo(2);
        private boolean companyFailed;
        private final List<Attempt.PastEscalation> previous = new ArrayList<>();
        private String reason = GOOD_REASON;

        AttemptBuilder notTheOwners() {
            ownersCase = false;
            return this;
        }

        AttemptBuilder status(CaseStatus status) {
            this.status = status;
            return this;
        }

        AttemptBuilder openedAt(Instant openedAt) {
            this.openedAt = openedAt;
            return this;
        }

        AttemptBuilder openedAgo(Duration age) {
            return openedAt(now.minus(age));
        }

        AttemptBuilder companyFailed() {
            companyFailed = true;
            return this;
        }

        AttemptBuilder previous(Attempt.PastEscalation... escalations) {
            previous.addAll(List.of(escalations));
            return this;
        }

        AttemptBuilder reason(String reason) {
            this.reason = reason;
            return this;
        }

        Attempt build() {
            if (!ownersCase) {
                return Attempt.onAnotherOwnersCase(now, CASE, reason, BERLIN);
            }
            return new Attempt(now, CASE, true, status, openedAt, companyFailed, previous, reason, BERLIN);
        }
    }
}
