package io.directline.experience.recovery;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.customer.CustomerFixtures;
import io.directline.experience.EntryRecorded;
import io.directline.experience.EntrySource;
import io.directline.identity.IdentityFixtures;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.testsupport.UniqueNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Recovery over real HTTP, with the watchdog looking every second: a broken promise starts the "Broken promise"
 * playbook — a supervisor's callback promise on the case, an apology to the owner that says what went wrong — once,
 * however often the event comes; good experiences that bring the balance back to zero end it as recovered. Goodwill
 * over the limit waits for a supervisor, and the playbooks are configuration an admin changes over the API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "directline.sla.watchdog-interval=1s")
class RecoveryApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserManagement users;

    @Test
    void aBrokenPromiseStartsThePlaybookOnceWithACallbackPromiseAndAnApologyAndGoodExperiencesRecoverTheOwner() {
        var admin = IdentityFixtures.admin(port);
        var agentName = IdentityFixtures.createLogin(admin, "AGENT", null);
        var agent = IdentityFixtures.signIn(port, agentName);
        var supervisor = IdentityFixtures.staff(port, admin, "SUPERVISOR");
        long owner = CustomerFixtures.registerOwner(admin, "Recovered Owner");
        var opened = agent.post(
                "/api/v1/cases",
                Map.of(
                        "customerId", owner,
                        "subject", "Sunroof leaks",
                        "body", "Water comes in at the sunroof.",
                        "channel", "PORTAL",
                        "team", UniqueNames.unique("recovery")));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        long caseId = opened.id();
        var promised = agent.post(
                "/api/v1/cases/" + caseId + "/promises",
                Map.of(
                        "description",
                        "We call you back in two seconds.",
                        "dueAt",
                        Instant.now().plusSeconds(2),
                        "responsible",
                        agentName));
        assertThat(promised.status()).as("%s", promised).isEqualTo(201);

        var recoveryPath = "/api/v1/cases/" + caseId + "/recovery";
        var recovery = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> agent.get(recoveryPath).json().path("recoveries"), r -> r.size() == 1)
                .get(0);
        assertThat(recovery.path("status").asString()).isEqualTo("OPEN");
        assertThat(recovery.path("playbookName").asString()).isEqualTo("Broken promise");
        assertThat(recovery.path("balanceAtStart").asInt()).isNegative();

        // the supervisor's callback is a promise on the case, which the watchdog watches like any other
        long callbackId = recovery.path("callbackPromiseId").asLong();
        assertThat(callbackId).isPositive();
        var callback =
                find(agent.get("/api/v1/cases/" + caseId + "/promises").json().path("items"), callbackId);
        assertThat(callback).as("the callback promise is on the case").isNotNull();
        assertThat(callback.path("description").asString())
                .startsWith("We call you back to put right what went wrong (we did not keep the promise");
        assertThat(callback.path("status").asString()).isEqualTo("OPEN");
        var responsible = callback.path("responsible").asString();
        assertThat(users.staffMember(responsible).orElseThrow().roles()).contains(Role.SUPERVISOR);

        // the watchdog's ladder already told the owner the truth about the broken promise: no second apology
        var apology = jdbc.sql("select body from outbound_message where customer_id = :owner and source = :source")
                .param("owner", owner)
                .param("source", "recovery:" + recovery.path("id").asLong())
                .query(String.class)
                .list();
        assertThat(apology).isEmpty();

        // the same bad experience again starts nothing new
        long entryId = recovery.path("entryId").asLong();
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new EntryRecorded(entryId, owner, caseId, null, EntrySource.PROMISE, -1, 1, "again", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(this::recoveryListenersDone);
        assertThat(agent.get(recoveryPath).json().path("recoveries")).hasSize(1);
        assertThat(agent.get("/api/v1/cases/" + caseId + "/promises")
                        .json()
                        .path("items")
                        .toString())
                .as("one callback")
                .containsOnlyOnce("We call you back to put right");

        // keeping the callback is a good experience, but one is not enough to make up for a bad one
        var kept = supervisor.post(
                "/api/v1/cases/" + caseId + "/promises/" + callbackId + "/kept",
                Map.of("message", "I called you: the sunroof seal is replaced on Monday, at our cost."));
        assertThat(kept.status()).as("%s", kept).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(this::recoveryListenersDone);
        assertThat(agent.get(recoveryPath)
                        .json()
                        .path("recoveries")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("OPEN");

        // good experiences that bring the balance back to zero: recovered (each bad one weighs twelve good ones)
        int balance = agent.get("/api/v1/customers/" + owner + "/experience")
                .json()
                .path("balance")
                .asInt();
        assertThat(balance).isNegative();
        for (int left = -balance; left > 0; left -= 12) {
            var makeUp = supervisor.post(
                    "/api/v1/customers/" + owner + "/experience/entries",
                    Map.of("sign", 1, "weight", Math.min(12, left), "reason", "Seal replaced on the spot"));
            assertThat(makeUp.status()).as("%s", makeUp).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> agent.get(recoveryPath)
                        .json()
                        .path("recoveries")
                        .get(0)
                        .path("status")
                        .asString()
                        .equals("RECOVERED"));
        assertThat(agent.get("/api/v1/customers/" + owner + "/experience")
                        .json()
                        .path("balance")
                        .asInt())
                .isNotNegative();
    }

    @Test
    void aGestureOverTheLimitIsGivenOnlyAfterASupervisorApprovedIt() {
        var admin = IdentityFixtures.admin(port);
        var agent = IdentityFixtures.staff(port, admin, "AGENT");
        var supervisor = IdentityFixtures.staff(port, admin, "SUPERVISOR");
        long owner = CustomerFixtures.registerOwner(admin, "Goodwill Owner");
        var opened = agent.post(
                "/api/v1/cases",
                Map.of("customerId", owner, "subject", "Late repair", "body", "It took a week.", "channel", "PORTAL"));
        long caseId = opened.id();
        var path = "/api/v1/cases/" + caseId + "/goodwill";

        assertProblem(agent.post(path, Map.of("amount", -5, "description", "Refund")), 400);
        assertProblem(agent.post(path, Map.of("amount", 50)), 400);

        var small = agent.post(path, Map.of("amount", 50, "description", "A car wash voucher"));
        assertThat(small.status()).as("%s", small).isEqualTo(201);
        assertThat(small.json().path("status").asString()).isEqualTo("APPROVED");

        var body = "{\"amount\": 400, \"description\": \"A free annual service\"}";
        var headers = Map.of("Idempotency-Key", "service-" + UniqueNames.suffix());
        var large = agent.send("POST", path, body, "application/json", headers);
        assertThat(large.status()).as("%s", large).isEqualTo(201);
        assertThat(large.json().path("status").asString()).isEqualTo("PROPOSED");
        var again = agent.send("POST", path, body, "application/json", headers);
        assertThat(again.json().path("id").asLong())
                .isEqualTo(large.json().path("id").asLong());

        long id = large.json().path("id").asLong();
        var refused = agent.post("/api/v1/goodwill/" + id + "/give", null);
        assertProblem(refused, 409);
        assertThat(refused.json().path("detail").asString())
                .contains("over $100")
                .contains("needs a supervisor's approval")
                .contains("ask a supervisor (");
        assertThat(agent.post("/api/v1/goodwill/" + id + "/approve", null).status())
                .isEqualTo(403);

        var approved = supervisor.post("/api/v1/goodwill/" + id + "/approve", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        var given = agent.post("/api/v1/goodwill/" + id + "/give", null);
        assertThat(given.status()).as("%s", given).isEqualTo(200);
        assertThat(given.json().path("status").asString()).isEqualTo("GIVEN");
        assertProblem(agent.post("/api/v1/goodwill/" + id + "/give", null), 409);
        assertThat(agent.get(path.replace("/goodwill", "/recovery")).json().path("gestures"))
                .hasSize(2);
    }

    @Test
    void playbooksAreConfigurationAnAdminChangesAndStaffCannot() {
        var admin = IdentityFixtures.admin(port);
        var supervisor = IdentityFixtures.staff(port, admin, "SUPERVISOR");
        var playbooks = supervisor.get("/api/v1/playbooks").json();
        assertThat(playbooks.toString()).contains("Broken promise").contains("Poor survey answer");

        var name = UniqueNames.unique("Visit-late");
        var denied = supervisor.send(
                "PUT",
                "/api/v1/playbooks/" + name,
                "{\"trigger\": \"SERVICE_VISIT\", \"apology\": true}",
                "application/json",
                Map.of());
        assertThat(denied.status()).isEqualTo(403);

        var unknown =
                admin.send("PUT", "/api/v1/playbooks/" + name, "{\"trigger\": \"RAIN\"}", "application/json", Map.of());
        assertProblem(unknown, 400);
        assertThat(unknown.json().path("detail").asString())
                .contains("PROMISE")
                .contains("SURVEY")
                .contains("RAIN");

        var taken = admin.send(
                "PUT", "/api/v1/playbooks/" + name, "{\"trigger\": \"PROMISE\"}", "application/json", Map.of());
        assertProblem(taken, 409);
        assertThat(taken.json().path("detail").asString()).contains("Broken promise");

        var saved = admin.send(
                "PUT",
                "/api/v1/playbooks/" + name,
                "{\"trigger\": \"ANY\", \"apology\": true, \"callbackHours\": 12}",
                "application/json",
                Map.of());
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        assertThat(saved.json().path("steps").asString())
                .isEqualTo("a supervisor calls back within 12 h, an apology with the honest cause");
        assertThat(admin.send("DELETE", "/api/v1/playbooks/" + name, null, null, Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(supervisor.get("/api/v1/playbooks").json().toString()).doesNotContain(name);
    }

    private boolean recoveryListenersDone() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                                + " and (listener_id like :recovery or listener_id like :ledger)")
                        .param("recovery", "%RecoveryListeners%")
                        .param("ledger", "%LedgerListeners%")
                        .query(Long.class)
                        .single()
                == 0;
    }

    private static JsonNode find(JsonNode promises, long id) {
        for (var p : promises) {
            if (p.path("id").asLong() == id) {
                return p;
            }
        }
        return null;
    }
}
