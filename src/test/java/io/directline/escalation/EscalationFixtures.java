package io.directline.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.ImportedCase;
import io.directline.cases.CaseManagement.ImportedMessage;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.escalation.guard.Attempt;
import io.directline.escalation.office.EscalationProperties;
import io.directline.escalation.office.EscalationState;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The escalation module's fixtures: attempts and earlier escalations for the guard's rules (2026-11-20 is a Friday),
 * and owners and cases in the situations the guard decides about, for the tests over HTTP.
 */
public final class EscalationFixtures {

    /** A reason the guard accepts: one real sentence. */
    public static final String REASON = "My car has been at the dealer for three weeks and nobody calls me back.";

    private static final AtomicLong HISTORY_IDS = new AtomicLong(2_000_000_000L + System.nanoTime() % 1_000_000);

    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final long CASE = 42;
    public static final long OTHER_CASE = 7;

    private EscalationFixtures() {}

    /** The documented defaults: 24h, 2 per 90 days, 7 days apart, 40 characters. */
    public static EscalationProperties defaults() {
        return new EscalationProperties(
                Duration.ofHours(24), 2, Duration.ofDays(90), Duration.ofDays(7), 40, Map.of(), Duration.ofHours(24));
    }

    public static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    public static Instant daysFromNow(long days) {
        return NOW.plus(Duration.ofDays(days));
    }

    /** An owner's open case, two days old, escalated for the first time with a good reason. */
    public static AttemptBuilder attempt() {
        return new AttemptBuilder();
    }

    public static Attempt.PastEscalation answered(long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, EscalationState.ANSWERED, false, false, false);
    }

    public static Attempt.PastEscalation inState(EscalationState state, long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, state, false, false, false);
    }

    public static Attempt.PastEscalation frivolous(long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, EscalationState.CLOSED, true, false, false);
    }

    public static Attempt.PastEscalation refusedByTheOffice(long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, EscalationState.CLOSED, false, true, false);
    }

    /** Made because we had failed the owner on that case. */
    public static Attempt.PastEscalation afterCompanyFailure(long caseId, Instant at) {
        return new Attempt.PastEscalation(caseId, at, EscalationState.ANSWERED, false, false, true);
    }

    public static final class AttemptBuilder {

        private Instant now = NOW;
        private boolean ownersCase = true;
        private CaseStatus status = CaseStatus.OPEN;
        private Instant openedAt = daysAgo(2);
        private boolean companyFailed;
        private final List<Attempt.PastEscalation> previous = new ArrayList<>();
        private String reason = REASON;

        public AttemptBuilder notTheOwners() {
            ownersCase = false;
            return this;
        }

        public AttemptBuilder status(CaseStatus status) {
            this.status = status;
            return this;
        }

        public AttemptBuilder openedAt(Instant openedAt) {
            this.openedAt = openedAt;
            return this;
        }

        public AttemptBuilder openedAgo(Duration age) {
            return openedAt(now.minus(age));
        }

        public AttemptBuilder companyFailed() {
            companyFailed = true;
            return this;
        }

        public AttemptBuilder previous(Attempt.PastEscalation... escalations) {
            previous.addAll(List.of(escalations));
            return this;
        }

        public AttemptBuilder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Attempt build() {
            if (!ownersCase) {
                return Attempt.onAnotherOwnersCase(now, CASE, reason, BERLIN);
            }
            return new Attempt(now, CASE, true, status, openedAt, companyFailed, previous, reason, BERLIN);
        }
    }

    // ---- owners and cases over HTTP ----

    /** A staff login with a display name (and team), returning its username. */
    public static String staffLogin(ApiClient admin, String username, String role, String displayName, String team) {
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("password", IdentityFixtures.PASSWORD);
        body.put("displayName", displayName);
        if (team != null) {
            body.put("team", team);
        }
        body.put("roles", List.of(role));
        var created = admin.post("/api/v1/users", body);
        assertThat(created.status()).as("%s", created).isIn(201, 409);
        return username;
    }

    /** A case of the owner, opened {@code age} ago (brought over with its history), still open. */
    public static long oldCase(ApplicationContext context, long customerId, Duration age) {
        return oldCase(context.getBean(CaseManagement.class), customerId, age);
    }

    /** A case of the owner, opened {@code age} ago (brought over with its history), still open. */
    public static long oldCase(CaseManagement cases, long customerId, Duration age) {
        var openedAt = Instant.now().minus(age);
        return cases.importCases(List.of(new ImportedCase(
                        customerId,
                        "Old case " + UniqueNames.unique("age"),
                        Channel.PORTAL,
                        Priority.NORMAL,
                        CaseStatus.OPEN,
                        null,
                        null,
                        Set.of(),
                        openedAt,
                        List.of(new ImportedMessage(
                                Direction.INBOUND, "Owner", null, "Still waiting for my car.", openedAt)))))
                .get(0);
    }

    /** An escalation of the owner's, {@code ago} in the past, that the executive office marked frivolous. */
    public static void frivolousHistory(ApplicationContext context, long customerId, long caseId, Duration ago) {
        var at = java.sql.Timestamp.from(Instant.now().minus(ago));
        context.getBean(JdbcTemplate.class).update("""
                        insert into executive_escalation (id, case_id, customer_id, domain, state, reason,
                            company_failed, frivolous, refused, requested_at, version)
                        values (?, ?, ?, 'service', 'CLOSED', 'Call me.', false, true, false, ?, 0)""", HISTORY_IDS.incrementAndGet(), caseId, customerId, at);
    }

    /** Escalates as the owner; returns the response. */
    public static ApiClient.Response escalate(ApiClient owner, long caseId, String reason) {
        return owner.post(
                "/api/v1/me/cases/" + caseId + "/executive-escalation", Map.of("reason", reason, "domain", "service"));
    }
}
