package io.directline.escalation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.escalation.ClimbCause;
import io.directline.escalation.ladder.EscalationLadder;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.testsupport.ApiClient;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case climbs the escalation ladder: its new holder finds it in their notifications and marks them read,
 * and the case's SLA shows the step on its trail and the notice telling the owner, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffNotificationApiTests {

    private static final String PASSWORD = "notification-test-password";
    private static final String REASON = "First response target of 4 hours missed: the owner has waited.";

    @LocalServerPort
    int port;

    @Autowired
    EscalationLadder escalations;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    @Autowired
    UserManagement users;

    String agent;
    String supervisor;
    SupportCase supportCase;

    /** An agent holds a case of a team of their own, whose supervisor is next on the ladder. */
    @BeforeEach
    void aCaseOfATeamWithASupervisor() {
        var team = "team-" + suffix();
        agent = staff("agent", Role.AGENT, team);
        supervisor = staff("supervisor", Role.SUPERVISOR, team);
        var owner =
                customers.register(CustomerFixtures.owner("Escalated Owner")).getId();
        supportCase = cases.open(
                new OpenCase(
                        owner,
                        "Where is my car?",
                        "It was due last week.",
                        Channel.PORTAL,
                        Priority.NORMAL,
                        team,
                        null,
                        null),
                Actor.system(Channel.PORTAL));
        cases.change(supportCase.getId(), new CaseChanges(null, agent, null, null, null), Actor.system(Channel.PORTAL));
    }

    @Test
    void theNewHolderIsNotifiedAndMarksTheNotificationRead() {
        escalations.climb(supportCase.getId(), ClimbCause.SLA_BREACH, REASON);

        var mine = api(supervisor).get("/api/v1/me/notifications");

        assertThat(mine.status()).as("%s", mine).isEqualTo(200);
        var notification = onlyOne(aboutTheCase(mine.json()));
        assertThat(notification.path("caseId").asLong()).isEqualTo(supportCase.getId());
        assertThat(notification.path("caseReference").asString()).isEqualTo(supportCase.reference());
        assertThat(notification.path("text").asString())
                .startsWith(supportCase.reference() + " is yours now (team supervisor)")
                .contains(REASON);
        assertThat(aboutTheCase(api(agent).get("/api/v1/me/notifications").json()))
                .as("the agent who held it is not the one to be told")
                .isEmpty();

        var read = api(supervisor)
                .post("/api/v1/me/notifications/" + notification.path("id").asLong() + "/read", "");

        assertThat(read.status()).as("%s", read).isEqualTo(204);
        assertThat(ids(api(supervisor).get("/api/v1/me/notifications").json()))
                .doesNotContain(notification.path("id").asLong());
        assertThat(api(supervisor)
                        .post(
                                "/api/v1/me/notifications/"
                                        + notification.path("id").asLong() + "/read",
                                "")
                        .status())
                .as("reading it again changes nothing")
                .isEqualTo(204);
    }

    @Test
    void nobodyMarksAnotherPersonsNotificationRead() {
        escalations.climb(supportCase.getId(), ClimbCause.SLA_BREACH, REASON);
        long id = onlyOne(aboutTheCase(
                        api(supervisor).get("/api/v1/me/notifications").json()))
                .path("id")
                .asLong();

        var refused = api(agent).post("/api/v1/me/notifications/" + id + "/read", "");

        assertThat(refused.status()).as("%s", refused).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).isEqualTo("You have no notification with id " + id + ".");
        assertThat(ids(api(supervisor).get("/api/v1/me/notifications").json())).contains(id);
    }

    @Test
    void theCasesSlaShowsTheStepOnItsTrailAndTheNoticeToTheOwner() {
        escalations.climb(supportCase.getId(), ClimbCause.SLA_BREACH, REASON);

        var sla =
                api(agent).get("/api/v1/cases/" + supportCase.getId() + "/sla").json();

        assertThat(sla.path("rung").asString()).isEqualTo("TEAM_SUPERVISOR");
        assertThat(sla.path("holder").asString()).isEqualTo(supervisor);
        var step = onlyOne(sla.path("escalations"));
        assertThat(step.path("rung").asString()).isEqualTo("TEAM_SUPERVISOR");
        assertThat(step.path("cause").asString()).isEqualTo("SLA_BREACH");
        assertThat(step.path("from").asString()).isEqualTo(agent);
        assertThat(step.path("to").asString()).isEqualTo(supervisor);
        assertThat(step.path("reason").asString()).isEqualTo(REASON);
        var notice = onlyOne(sla.path("notices"));
        assertThat(notice.path("status").asString()).isEqualTo("SENT");
        assertThat(notice.path("sentAt").isNull()).isFalse();
        assertThat(notice.path("body").asString()).contains(supportCase.reference());
    }

    private String staff(String role, Role roleOf, String team) {
        var username = role + "." + suffix();
        users.createUser(new NewUser(
                username, PASSWORD, role + " " + team, username + "@staff.example", team, Set.of(roleOf), null));
        return username;
    }

    private ApiClient api(String username) {
        return ApiClient.basic(port, username, PASSWORD);
    }

    private static JsonNode onlyOne(JsonNode array) {
        assertThat(array.size()).as("one element in %s", array).isEqualTo(1);
        return array.get(0);
    }

    /** The notifications of a list about this test's case (others' escalations may reach the same people). */
    private JsonNode aboutTheCase(JsonNode list) {
        var about = JsonMapper.builder().build().createArrayNode();
        list.path("items").forEach(n -> {
            if (n.path("caseId").asLong() == supportCase.getId()) {
                about.add(n);
            }
        });
        return about;
    }

    private static List<Long> ids(JsonNode list) {
        return StreamSupport.stream(list.path("items").spliterator(), false)
                .map(n -> n.path("id").asLong())
                .toList();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
