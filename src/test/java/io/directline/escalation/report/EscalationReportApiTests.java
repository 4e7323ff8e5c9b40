package io.directline.escalation.report;

import static io.directline.escalation.EscalationFixtures.REASON;
import static io.directline.escalation.EscalationFixtures.escalate;
import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseFixtures;
import io.directline.customer.CustomerFixtures;
import io.directline.escalation.EscalationFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The executive-escalation figures over real HTTP, from escalations made, refused, answered and marked frivolous
 * through the real API. The suite's classes share one database and run one after the other, so the report is asked
 * for a window that opens when this test starts: everything in it is the test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EscalationReportApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void countsRequestsRefusalsByRuleFrivolousRateFirstResponsesAndOutcomes() {
        var start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        var admin = IdentityFixtures.admin(port);
        var executiveName = UniqueNames.unique("report.exec");
        EscalationFixtures.staffLogin(admin, executiveName, "EXECUTIVE", "Rita Report", null);
        var executive = IdentityFixtures.signIn(port, executiveName);
        var staff = IdentityFixtures.staff(port, admin, "AGENT");

        var answeredOwner = CustomerFixtures.owner(port, admin, "Report Owner Answered");
        long oldCase = EscalationFixtures.oldCase(context, answeredOwner.customerId(), Duration.ofDays(3));
        assertThat(rule(escalate(answeredOwner.client(), oldCase, "Call me."))).isEqualTo("reason-length");
        long youngCase = CaseFixtures.openCase(staff, answeredOwner.customerId(), "Brand new", "Just opened.");
        assertThat(rule(escalate(answeredOwner.client(), youngCase, REASON))).isEqualTo("fair-chance");
        var answered = escalate(answeredOwner.client(), oldCase, REASON);
        assertThat(answered.status()).as("%s", answered).isEqualTo(201);

        var frivolousOwner = CustomerFixtures.owner(port, admin, "Report Owner Frivolous");
        long otherCase = EscalationFixtures.oldCase(context, frivolousOwner.customerId(), Duration.ofDays(3));
        assertThat(rule(escalate(frivolousOwner.client(), otherCase, "Now!"))).isEqualTo("reason-length");
        var frivolous = escalate(frivolousOwner.client(), otherCase, REASON);
        assertThat(frivolous.status()).as("%s", frivolous).isEqualTo(201);

        var answer = executive.post(
                "/api/v1/executive-escalations/" + answered.id() + "/answer",
                Map.of("body", "I have asked the dealer to return your car by Friday and to call you today."));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        var marked = executive.post(
                "/api/v1/executive-escalations/" + frivolous.id() + "/frivolous",
                Map.of("note", "The case was being answered the same day."));
        assertThat(marked.status()).as("%s", marked).isEqualTo(200);

        var report = report(admin, start);

        assertThat(List.of(
                        report.path("requests").asLong(),
                        report.path("allowed").asLong(),
                        report.path("refused").asLong()))
                .as("requests, allowed, refused")
                .containsExactly(5L, 2L, 3L);
        var byRule = report.path("refusedByRule");
        assertThat(byRule.propertyNames()).as("most refusals first").containsExactly("reason-length", "fair-chance");
        assertThat(byRule.path("reason-length").path("count").asLong()).isEqualTo(2);
        assertThat(byRule.path("reason-length").path("label").asString()).isEqualTo("The reason was too short");
        assertThat(byRule.path("fair-chance").path("count").asLong()).isEqualTo(1);
        assertThat(byRule.path("fair-chance").path("label").asString()).contains("fair chance");

        assertThat(report.path("escalations").asLong()).isEqualTo(2);
        assertThat(report.path("awaitingApproval").asLong()).isZero();
        assertThat(report.path("frivolous").asLong()).isEqualTo(1);
        assertThat(report.path("frivolousRate").asDouble()).isEqualTo(0.5);

        var firstResponse = report.path("timeToFirstResponse");
        assertThat(firstResponse.path("answered").asLong()).isEqualTo(1);
        assertThat(Duration.parse(firstResponse.path("median").asString()))
                .as("answered within the test, long before the promised 24 hours")
                .isLessThan(Duration.ofHours(1));
        assertThat(firstResponse.path("p90").asString()).isNotBlank();
        assertThat(firstResponse.path("withinTarget").asLong()).isEqualTo(1);
        assertThat(firstResponse.path("late").asLong()).isZero();
        assertThat(firstResponse.path("withinTargetRate").asDouble()).isEqualTo(1.0);

        assertThat(outcomes(report))
                .containsExactly(
                        "PENDING_APPROVAL=0", "OPEN=1", "ANSWERED=1", "HANDED_BACK=0", "CLOSED=0", "REFUSED=0");
    }

    @Test
    void refusesAPeriodItCannotReportNamingTheParameter() {
        var admin = IdentityFixtures.admin(port);

        var notADate = assertProblem(admin.get("/api/v1/reports/escalations?from=yesterday"), 400);
        assertThat(notADate.path("field").asString()).isEqualTo("from");
        assertThat(notADate.path("detail").asString()).startsWith("from must be an instant");

        var backwards =
                assertProblem(admin.get("/api/v1/reports/escalations?from=2026-11-30&to=2026-11-01T00:00:00Z"), 400);
        assertThat(backwards.path("field").asString()).isEqualTo("from");
        assertThat(backwards.path("detail").asString()).contains("must be before to");

        var tooLong = assertProblem(admin.get("/api/v1/reports/escalations?from=2020-01-01&to=2026-01-01"), 400);
        assertThat(tooLong.path("detail").asString()).contains("three years");

        var badTo = assertProblem(admin.get("/api/v1/reports/escalations?to=31.12.2026"), 400);
        assertThat(badTo.path("field").asString()).isEqualTo("to");
    }

    @Test
    void reportsTheLastNinetyDaysUnlessAskedOtherwise() {
        var report = IdentityFixtures.admin(port).get("/api/v1/reports/escalations");

        assertThat(report.status()).as("%s", report).isEqualTo(200);
        var from = Instant.parse(report.json().path("from").asString());
        var to = Instant.parse(report.json().path("to").asString());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(90));
        assertThat(report.json().path("outcomes").size()).isEqualTo(6);
    }

    private static String rule(ApiClient.Response refused) {
        assertThat(refused.status()).as("%s", refused).isBetween(400, 499);
        return refused.json().path("rule").asString();
    }

    private static JsonNode report(ApiClient client, Instant from) {
        var to = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        var response = client.get("/api/v1/reports/escalations?from=" + from + "&to=" + to);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static List<String> outcomes(JsonNode report) {
        return StreamSupport.stream(report.path("outcomes").spliterator(), false)
                .map(o -> o.path("outcome").asString() + "=" + o.path("count").asLong())
                .toList();
    }
}
