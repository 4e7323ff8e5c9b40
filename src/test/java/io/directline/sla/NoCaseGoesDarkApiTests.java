package io.directline.sla;

import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The acceptance scenario, over real HTTP with the watchdog looking every second: a promise nobody
 * keeps is broken within seconds of its due time, the case climbs to the team supervisor, the owner gets one
 * honest notice with a new promise, and the go-dark report counts the broken promise.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "directline.sla.watchdog-interval=1s")
class NoCaseGoesDarkApiTests {

    @LocalServerPort
    int port;

    @Test
    void aPromiseNobodyKeepsClimbsToTheSupervisorAndTheOwnerIsToldTheTruth() {
        var admin = IdentityFixtures.admin(port);
        var team = UniqueNames.unique("body-shop");
        var agentName = staffLogin(admin, "AGENT", team, "Alex Agent");
        var supervisorName = staffLogin(admin, "SUPERVISOR", team, "Sam Supervisor");
        var agent = IdentityFixtures.signIn(port, agentName);
        var supervisor = IdentityFixtures.signIn(port, supervisorName);
        var owner = CustomerFixtures.owner(port, admin, "Dark Owner");
        var opened = agent.post(
                "/api/v1/cases",
                Map.of(
                        "customerId", owner.customerId(),
                        "subject", "Paint damage after the repair",
                        "body", "Please call me about the scratch.",
                        "channel", "PORTAL",
                        "team", team));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        long caseId = opened.id();
        assertThat(agent.patch("/api/v1/cases/" + caseId, Map.of("assignee", agentName))
                        .status())
                .isEqualTo(200);
        var brokenBefore = goDark(supervisor).path("promises").path("broken").asLong();

        var dueAt = Instant.now().plusSeconds(5);
        var promise = agent.post(
                "/api/v1/cases/" + caseId + "/promises",
                Map.of("description", "We call you back in five seconds.", "dueAt", dueAt, "responsible", agentName));
        assertThat(promise.status()).as("%s", promise).isEqualTo(201);
        var promisePath = "/api/v1/cases/" + caseId + "/promises/" + promise.id();

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "BROKEN"
                        .equals(agent.get(promisePath).json().path("status").asString()));
        var brokenAt =
                Instant.parse(agent.get(promisePath).json().path("brokenAt").asString());
        assertThat(Duration.between(dueAt, brokenAt)).isBetween(Duration.ZERO, Duration.ofSeconds(5));

        // the case climbed one rung, to the supervisor of its team, with the reason on its trail
        var supportCase = agent.get("/api/v1/cases/" + caseId).json();
        assertThat(supportCase.path("assignee").asString()).isEqualTo(supervisorName);
        var sla = agent.get("/api/v1/cases/" + caseId + "/sla").json();
        assertThat(sla.path("rung").asString()).isEqualTo("TEAM_SUPERVISOR");
        assertThat(sla.path("holder").asString()).isEqualTo(supervisorName);

        // the owner heard once, honestly, and holds a new promise from the supervisor
        var ownersCase = owner.client().get("/api/v1/me/cases/" + caseId).json();
        List<String> notices = each(ownersCase.path("messages"), "body").stream()
                .filter(body -> body.startsWith("We are sorry"))
                .toList();
        assertThat(notices)
                .singleElement()
                .asString()
                .contains("we did not keep the promise we made you")
                .contains("now with Sam Supervisor, the supervisor of the team handling your case")
                .contains("You will hear from us by");
        // the ladder's promises (the recovery playbook adds its own callback, which RecoveryApiTests follows)
        var ownersPromises = ladders(owner.client()
                .get("/api/v1/me/cases/" + caseId + "/promises")
                .json()
                .path("items"));
        assertThat(each(ownersPromises, "status")).containsExactlyInAnyOrder("BROKEN", "OPEN");
        var staffPromises = ladders(
                agent.get("/api/v1/cases/" + caseId + "/promises").json().path("items"));
        assertThat(staffPromises)
                .filteredOn(p -> "OPEN".equals(p.path("status").asString()))
                .singleElement()
                .satisfies(p -> assertThat(p.path("responsible").asString()).isEqualTo(supervisorName));

        // a few more sweeps change nothing: still one notice
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(each(owner.client().get("/api/v1/me/cases/" + caseId).json().path("messages"), "body"))
                .filteredOn(body -> body.startsWith("We are sorry"))
                .hasSize(1);

        // the go-dark report counts it
        var report = goDark(supervisor);
        assertThat(report.path("promises").path("broken").asLong()).isGreaterThan(brokenBefore);
        var thisWeek = report.path("weeks").get(report.path("weeks").size() - 1);
        assertThat(thisWeek.path("brokenPromises").asLong()).isPositive();
    }

    private tools.jackson.databind.JsonNode goDark(ApiClient staff) {
        var report = staff.get("/api/v1/reports/go-dark");
        assertThat(report.status()).as("%s", report).isEqualTo(200);
        return report.json();
    }

    private static String staffLogin(ApiClient admin, String role, String team, String displayName) {
        var username = UniqueNames.unique(role.toLowerCase());
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("password", IdentityFixtures.PASSWORD);
        body.put("displayName", displayName);
        body.put("team", team);
        body.put("roles", List.of(role));
        var created = admin.post("/api/v1/users", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return username;
    }

    /** The promises that are not a recovery playbook's callback. */
    private static tools.jackson.databind.JsonNode ladders(tools.jackson.databind.JsonNode promises) {
        var kept = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (var p : promises) {
            if (!p.path("description").asString().startsWith("We call you back to put right what went wrong")) {
                kept.add(p);
            }
        }
        return kept;
    }
}
