package io.directline.sla.promise;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseFixtures;
import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Promises made to owners, recorded and kept by staff and followed by the owner, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PromiseApiTests {

    @LocalServerPort
    int port;

    ApiClient admin;
    String agentName;
    ApiClient agent;
    CustomerFixtures.Owner owner;
    long caseId;

    @BeforeEach
    void anOwnerWithACaseAndAnAgent() {
        admin = IdentityFixtures.admin(port);
        agentName = IdentityFixtures.createLogin(admin, "AGENT", null);
        agent = IdentityFixtures.signIn(port, agentName);
        owner = CustomerFixtures.owner(port, admin, "Promise Owner");
        caseId = CaseFixtures.openCase(agent, owner.customerId(), "Where is my car?", "It was due last week.");
    }

    @Test
    void recordsAPromiseWithItsDueTimeAndResponsible() {
        var dueAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

        var made = agent.post(promisesPath(), promise("We will call you back Friday.", dueAt, agentName));

        assertThat(made.status()).as("%s", made).isEqualTo(201);
        assertThat(made.header("Location")).isEqualTo(promisesPath() + "/" + made.id());
        assertThat(made.json().path("status").asString()).isEqualTo("OPEN");
        assertThat(Instant.parse(made.json().path("dueAt").asString())).isEqualTo(dueAt);
        assertThat(agent.get(made.header("Location")).json().path("responsible").asString())
                .isEqualTo(agentName);
        assertThat(each(agent.get(promisesPath()).json().path("items"), "description"))
                .containsExactly("We will call you back Friday.");
    }

    @Test
    void refusesAPromiseDueInThePast() {
        var refused = agent.post(
                promisesPath(), promise("Yesterday, honestly.", Instant.now().minusSeconds(60), agentName));

        var problem = assertProblem(refused, 400);
        assertThat(problem.path("detail").asString()).contains("dueAt");
        assertThat(agent.get(promisesPath()).json().path("items").isEmpty()).isTrue();
    }

    @Test
    void refusesAPromiseForSomebodyWhoIsNotStaff() {
        var refused = agent.post(
                promisesPath(),
                promise("Somebody will call.", Instant.now().plus(Duration.ofDays(1)), "nobody-" + caseId));

        assertThat(assertProblem(refused, 400).path("detail").asString()).contains("responsible");
    }

    @Test
    void refusesAPromiseOnAnUnknownCase() {
        var refused = agent.post(
                "/api/v1/cases/999999999/promises",
                promise("On no case.", Instant.now().plus(Duration.ofDays(1)), agentName));

        assertProblem(refused, 404);
    }

    @Test
    void keepingAPromiseTellsTheOwner() {
        long promiseId = agent.post(
                        promisesPath(),
                        promise("We will call you back Friday.", Instant.now().plus(Duration.ofHours(4)), agentName))
                .id();

        var kept = agent.post(
                promisesPath() + "/" + promiseId + "/kept",
                Map.of("message", "Your car leaves the factory on Monday and reaches you on Thursday."));

        assertThat(kept.status()).as("%s", kept).isEqualTo(200);
        assertThat(kept.json().path("status").asString()).isEqualTo("KEPT");
        var ownersCase = owner.client().get("/api/v1/me/cases/" + caseId).json();
        assertThat(each(ownersCase.path("messages"), "body"))
                .anySatisfy(body -> assertThat(body).contains("reaches you on Thursday"));
        var ownersPromises = owner.client()
                .get("/api/v1/me/cases/" + caseId + "/promises")
                .json()
                .path("items");
        assertThat(each(ownersPromises, "status")).containsExactly("KEPT");
        assertThat(ownersPromises.get(0).has("responsible")).isFalse();
    }

    @Test
    void keepingNeedsAMessageAndHappensOnlyOnce() {
        long promiseId = agent.post(
                        promisesPath(),
                        promise("A loan car by Tuesday.", Instant.now().plus(Duration.ofHours(4)), agentName))
                .id();
        var keep = promisesPath() + "/" + promiseId + "/kept";

        assertProblem(agent.post(keep, Map.of("message", " ")), 400);
        assertThat(agent.post(keep, Map.of("message", "The loan car is at your door."))
                        .status())
                .isEqualTo(200);
        assertProblem(agent.post(keep, Map.of("message", "Again.")), 409);
    }

    @Test
    void ownersSeeThePromisesOfTheirOwnCasesOnly() {
        agent.post(promisesPath(), promise("A call on Friday.", Instant.now().plus(Duration.ofDays(1)), agentName));
        var other = CustomerFixtures.owner(port, admin, "Other Promise Owner");

        var mine = owner.client().get("/api/v1/me/cases/" + caseId + "/promises");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(each(mine.json().path("items"), "description")).containsExactly("A call on Friday.");
        assertProblem(other.client().get("/api/v1/me/cases/" + caseId + "/promises"), 404);
    }

    private String promisesPath() {
        return "/api/v1/cases/" + caseId + "/promises";
    }

    private static Map<String, Object> promise(String description, Instant dueAt, String responsible) {
        return Map.of("description", description, "dueAt", dueAt.toString(), "responsible", responsible);
    }
}
