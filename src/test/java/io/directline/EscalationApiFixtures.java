package io.directline;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.ImportedCase;
import io.directline.cases.CaseManagement.ImportedMessage;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Owners and cases in the situations the executive-escalation guard decides about. */
public final class EscalationApiFixtures {

    /** A reason the guard accepts: one real sentence. */
    public static final String REASON = "My car has been at the dealer for three weeks and nobody calls me back.";

    private static final AtomicLong HISTORY_IDS = new AtomicLong(2_000_000_000L + System.nanoTime() % 1_000_000);

    private EscalationApiFixtures() {}

    /** A staff login with a display name (and team), returning its username. */
    static String staffLogin(ApiClient admin, String username, String role, String displayName, String team) {
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
