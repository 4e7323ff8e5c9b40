package io.directline.escalation.ladder;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.CaseStatus;
import io.directline.cases.Priority;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The SLA of a case as staff read it over the API (the standard policy: first response 4 h, resolution
 * 5 days, around the clock), and the case list sorted by time to breach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseSlaApiTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    ApiClient agent;
    Actor agentVoice;
    long customerId;

    @BeforeEach
    void anAgentAndAnOwner() {
        var admin = IdentityFixtures.admin(port);
        var agentName = IdentityFixtures.createLogin(admin, "AGENT", null);
        agent = IdentityFixtures.signIn(port, agentName);
        agentVoice = new Actor(agentName, "Sla Agent", Channel.PORTAL);
        customerId = CustomerFixtures.registerOwner(admin, "SLA Owner");
    }

    @Test
    void showsEachClockOfANewCaseWithItsTargetDueTimeAndTimeLeft() {
        var opened = open("Where is my car?");

        var response = agent.get(slaPath(opened));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        var sla = response.json();
        assertThat(sla.path("policy").path("name").asString()).isEqualTo("Standard");
        assertThat(sla.path("rung").asString()).isEqualTo("ASSIGNEE");
        assertThat(sla.path("holder").isNull()).isTrue();
        assertThat(each(sla.path("clocks"), "kind")).containsExactlyInAnyOrder("FIRST_RESPONSE", "RESOLUTION");
        var firstResponse = clock(sla, "FIRST_RESPONSE");
        assertThat(firstResponse.path("state").asString()).isEqualTo("RUNNING");
        assertThat(Duration.parse(firstResponse.path("target").asString())).isEqualTo(Duration.ofHours(4));
        assertThat(Duration.between(
                        opened.getCreatedAt(),
                        Instant.parse(firstResponse.path("dueAt").asString())))
                .isBetween(
                        Duration.ofHours(4).minusMillis(1), Duration.ofHours(4).plusMillis(1));
        assertThat(Duration.parse(firstResponse.path("remaining").asString()))
                .isBetween(Duration.ofHours(3).plusMinutes(50), Duration.ofHours(4));
        assertThat(firstResponse.path("breached").asBoolean()).isFalse();
        assertThat(firstResponse.path("breachedAt").isNull()).isTrue();
        assertThat(Duration.parse(clock(sla, "RESOLUTION").path("target").asString()))
                .isEqualTo(Duration.ofDays(5));
        assertThat(sla.path("escalations").isEmpty()).isTrue();
        assertThat(sla.path("notices").isEmpty()).isTrue();
    }

    @Test
    void theFirstAnswerStopsTheFirstResponseClockInTime() {
        var opened = open("Brake noise");

        cases.reply(opened.getId(), "We are on it: a loan car is booked for you.", null, agentVoice);

        var sla = agent.get(slaPath(opened)).json();
        var firstResponse = clock(sla, "FIRST_RESPONSE");
        assertThat(firstResponse.path("state").asString()).isEqualTo("STOPPED");
        assertThat(firstResponse.path("dueAt").isNull()).isTrue();
        assertThat(firstResponse.path("stoppedAt").isNull()).isFalse();
        assertThat(firstResponse.path("breached").asBoolean()).isFalse();
        assertThat(clock(sla, "RESOLUTION").path("state").asString()).isEqualTo("RUNNING");
    }

    @Test
    void anUnknownCaseIsANotFoundProblem() {
        assertProblem(agent.get("/api/v1/cases/999999999/sla"), 404);
    }

    @Test
    void listsCasesSoonestBreachFirstAndCasesWithoutARunningClockLast() {
        var first = open("first to breach");
        var second = open("second to breach");
        var answered = open("answered, resolution due in 5 days");
        cases.reply(answered.getId(), "A new lid is on its way.", null, agentVoice);
        var closed = open("closed, no clock runs");
        cases.change(closed.getId(), new CaseChanges(CaseStatus.CLOSED, null, null, null, null), agentVoice);

        var byBreach = agent.get(listPath() + "&sort=breach").json().path("items");

        assertThat(each(byBreach, "subject"))
                .containsExactly(first.getSubject(), second.getSubject(), answered.getSubject(), closed.getSubject());
        var due = dueTimes(byBreach);
        assertThat(due.subList(0, 3)).isSorted().doesNotContainNull();
        assertThat(due.get(3)).isNull();
        assertThat(each(agent.get(listPath()).json().path("items"), "subject"))
                .as("by default the most recently changed case comes first")
                .startsWith(closed.getSubject(), answered.getSubject());
        assertThat(each(
                        agent.get(listPath() + "&sort=breach&size=2&page=1")
                                .json()
                                .path("items"),
                        "subject"))
                .containsExactly(answered.getSubject(), closed.getSubject());
    }

    @Test
    void refusesAnUnknownSortNamingTheParameter() {
        var problem = assertProblem(agent.get(listPath() + "&sort=oldest"), 400);

        assertThat(problem.path("detail").asString()).contains("sort").contains("breach");
        assertThat(problem.path("field").asString()).isEqualTo("sort");
    }

    private SupportCase open(String subject) {
        return cases.open(
                new OpenCase(customerId, subject, "Please help.", Channel.PORTAL, Priority.NORMAL, null, null, null),
                Actor.system(Channel.PORTAL));
    }

    private static String slaPath(SupportCase supportCase) {
        return "/api/v1/cases/" + supportCase.getId() + "/sla";
    }

    private String listPath() {
        return "/api/v1/cases?customerId=" + customerId;
    }

    private static JsonNode clock(JsonNode sla, String kind) {
        return StreamSupport.stream(sla.path("clocks").spliterator(), false)
                .filter(c -> kind.equals(c.path("kind").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " clock in " + sla));
    }

    private static List<Instant> dueTimes(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(i -> i.path("slaDueAt").isNull()
                        ? null
                        : Instant.parse(i.path("slaDueAt").asString()))
                .toList();
    }
}
