package io.directline.experience.ledger;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.cases.SupportCase;
import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.sla.PromiseBroken;
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
 * The ledger over real HTTP, with the watchdog looking every second: a kept promise adds a good entry, a broken one
 * a bad entry that puts the owner at risk with a sentence that says why, the same event again adds nothing, and a
 * manual entry needs a reason.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "directline.sla.watchdog-interval=1s")
class ExperienceLedgerApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeptPromiseCountsForUsAndABrokenOnePutsTheOwnerAtRiskOnce() {
        var admin = IdentityFixtures.admin(port);
        var agentName = IdentityFixtures.createLogin(admin, "AGENT", null);
        var agent = IdentityFixtures.signIn(port, agentName);
        long owner = CustomerFixtures.registerOwner(admin, "Ledger Owner");
        var team = UniqueNames.unique("ledger");
        var opened = agent.post(
                "/api/v1/cases",
                Map.of(
                        "customerId", owner,
                        "subject", "Wipers squeak",
                        "body", "Please look at the wipers.",
                        "channel", "PORTAL",
                        "team", team));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        long caseId = opened.id();
        var experiencePath = "/api/v1/customers/" + owner + "/experience";
        assertThat(agent.get(experiencePath).json().path("atRisk").asBoolean()).isFalse();

        // a promise kept: a good entry
        var kept = agent.post(
                "/api/v1/cases/" + caseId + "/promises",
                Map.of(
                        "description",
                        "We send you the part list today.",
                        "dueAt",
                        Instant.now().plusSeconds(3600),
                        "responsible",
                        agentName));
        assertThat(kept.status()).as("%s", kept).isEqualTo(201);
        var keeping = agent.post(
                "/api/v1/cases/" + caseId + "/promises/" + kept.id() + "/kept",
                Map.of("message", "Here is the part list."));
        assertThat(keeping.status()).as("%s", keeping).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> entry(agent.get(experiencePath).json(), "PROMISE", 1) != null);
        var afterKept = agent.get(experiencePath).json();
        assertThat(afterKept.path("atRisk").asBoolean()).isFalse();
        assertThat(afterKept.path("balance").asInt()).isPositive();
        assertThat(entry(afterKept, "PROMISE", 1).path("what").asString())
                .isEqualTo("promise kept on case " + SupportCase.reference(caseId));

        // a promise broken: a bad entry weighing twelve good ones puts the owner at risk
        var broken = agent.post(
                "/api/v1/cases/" + caseId + "/promises",
                Map.of(
                        "description",
                        "We call you back in two seconds.",
                        "dueAt",
                        Instant.now().plusSeconds(2),
                        "responsible",
                        agentName));
        assertThat(broken.status()).as("%s", broken).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> entry(agent.get(experiencePath).json(), "PROMISE", -1) != null);
        var atRisk = agent.get(experiencePath).json();
        assertThat(atRisk.path("atRisk").asBoolean()).isTrue();
        assertThat(atRisk.path("balance").asInt()).isNegative();
        assertThat(entry(atRisk, "PROMISE", -1).path("what").asString())
                .isEqualTo("promise broken on case " + SupportCase.reference(caseId));
        assertThat(atRisk.path("explanation").asString())
                .startsWith("At risk: ")
                .contains("on case " + SupportCase.reference(caseId))
                .contains("bring the balance back to zero");
        assertThat(atRisk.path("entries").path("items").get(0).path("at").asString())
                .as("newest first")
                .isGreaterThanOrEqualTo(atRisk.path("entries")
                        .path("items")
                        .get(atRisk.path("entries").path("items").size() - 1)
                        .path("at")
                        .asString());

        // the case says why it stands where it does in the "most at stake first" order
        await().atMost(Duration.ofSeconds(20))
                .until(() -> agent.get("/api/v1/cases?sort=priority&team=" + team)
                        .json()
                        .path("items")
                        .get(0)
                        .path("stakeReason")
                        .asString()
                        .contains("owner at risk"));

        // the same event again changes nothing
        await().atMost(Duration.ofSeconds(20)).until(this::ledgerListenersDone);
        var before = agent.get(experiencePath).json();
        transactions.executeWithoutResult(tx ->
                events.publishEvent(new PromiseBroken(caseId, broken.id(), agentName, Instant.now(), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(this::ledgerListenersDone);
        var after = agent.get(experiencePath).json();
        assertThat(after.path("entries").path("items").size())
                .isEqualTo(before.path("entries").path("items").size());
        assertThat(after.path("balance").asInt())
                .isEqualTo(before.path("balance").asInt());
    }

    @Test
    void aManualEntryNeedsAReasonAndIsRecordedOncePerIdempotencyKey() {
        var admin = IdentityFixtures.admin(port);
        var supervisor = IdentityFixtures.staff(port, admin, "SUPERVISOR");
        long owner = CustomerFixtures.registerOwner(admin, "Manual Owner");
        var path = "/api/v1/customers/" + owner + "/experience/entries";

        var noReason = supervisor.post(path, Map.of("sign", -1));
        assertProblem(noReason, 400);
        assertThat(noReason.json().path("detail").asString()).contains("reason");
        assertThat(supervisor
                        .get("/api/v1/customers/" + owner + "/experience")
                        .json()
                        .path("entries")
                        .path("items"))
                .isEmpty();

        var body = "{\"sign\": -1, \"reason\": \"Kept waiting 40 minutes at the service desk\"}";
        var headers = Map.of("Idempotency-Key", "desk-wait-1");
        var first = supervisor.send("POST", path, body, "application/json", headers);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        var again = supervisor.send("POST", path, body, "application/json", headers);
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.id()).isEqualTo(first.id());

        var experience =
                supervisor.get("/api/v1/customers/" + owner + "/experience").json();
        assertThat(experience.path("entries").path("items")).hasSize(1);
        assertThat(experience.path("balance").asInt()).isEqualTo(-12);
        assertThat(experience.path("atRisk").asBoolean()).isTrue();
        assertThat(experience.path("entries").path("items").get(0).path("note").asString())
                .isEqualTo("Kept waiting 40 minutes at the service desk");
    }

    private boolean ledgerListenersDone() {
        return jdbc.sql("select count(*) from event_publication where listener_id like :listener")
                        .param("listener", "%LedgerListeners%")
                        .query(Long.class)
                        .single()
                == 0;
    }

    private static JsonNode entry(JsonNode experience, String source, int sign) {
        for (var e : experience.path("entries").path("items")) {
            if (source.equals(e.path("source").asString()) && e.path("sign").asInt() == sign) {
                return e;
            }
        }
        return null;
    }
}
