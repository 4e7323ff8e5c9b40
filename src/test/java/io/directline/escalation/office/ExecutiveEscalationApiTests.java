package io.directline.escalation.office;

import static io.directline.escalation.EscalationFixtures.REASON;
import static io.directline.escalation.EscalationFixtures.escalate;
import static io.directline.testsupport.ApiResponses.assertProblem;
import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.directline.customer.CustomerFixtures;
import io.directline.escalation.EscalationFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.IsolatedDatabase;
import io.directline.testsupport.TravellingClock;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance scenarios for the executive escalation, over real HTTP, with a clock the test moves
 * (cases grow old in seconds), a database of its own, the watchdog looking every second and a real SMTP server
 * receiving the executive's answer.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "directline.sla.watchdog-interval=1s",
            "directline.escalation.domains.service=" + ExecutiveEscalationApiTests.EXECUTIVE,
            "directline.channels.outbox.poll-interval=500ms"
        })
class ExecutiveEscalationApiTests {

    static final String EXECUTIVE = "erin.exec";

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @DynamicPropertySource
    static void ownDatabaseAndMail(DynamicPropertyRegistry registry) {
        IsolatedDatabase.properties("escalation").forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        TravellingClock travellingClock() {
            return new TravellingClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TravellingClock clock;

    ApiClient admin;
    ApiClient agent;
    ApiClient executive;

    @BeforeEach
    void staff() {
        admin = IdentityFixtures.admin(port);
        EscalationFixtures.staffLogin(admin, EXECUTIVE, "EXECUTIVE", "Erin Executive", null);
        executive = IdentityFixtures.signIn(port, EXECUTIVE);
        agent = IdentityFixtures.staff(port, admin, "AGENT");
    }

    @Test
    void anOwnerEscalatesATwoDayOldCaseOnceAndTheSecondAttemptInTheCooldownIsRefused() {
        var owner = CustomerFixtures.owner(port, admin, "Cooldown Owner");
        long first = answeredCase(owner, "The engine light is on again");
        long second = answeredCase(owner, "The sat-nav lost every map");
        var young = escalate(owner.client(), first, REASON);
        assertThat(assertProblem(young, 409).path("rule").asString())
                .as("a case younger than a day gives the team its fair chance")
                .isEqualTo("fair-chance");
        assertThat(young.header("Retry-After")).isNotNull();

        clock.advance(Duration.ofDays(2));
        var before = owner.client().get(eligibilityPath(first)).json();
        assertThat(before.path("canEscalate").asBoolean()).as("%s", before).isTrue();

        var made = escalate(owner.client(), first, REASON);
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        assertThat(made.json().path("state").asString()).isEqualTo("OPEN");
        assertThat(made.json().path("executive").asString()).isEqualTo("Erin Executive");
        assertThat(Instant.parse(made.json().path("firstResponseDue").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        var again = escalate(owner.client(), second, REASON);
        var problem = assertProblem(again, 429);
        assertThat(problem.path("rule").asString()).isEqualTo("cooldown");
        assertThat(problem.path("detail").asString()).contains("supervisor callback");
        var retryAfter = Instant.parse(problem.path("retryAfter").asString());
        assertThat(retryAfter).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(Long.parseLong(again.header("Retry-After")))
                .isEqualTo(Duration.ofDays(7).toSeconds());
        assertThat(trail(second).path("escalations").isEmpty())
                .as("the refused attempt made no escalation")
                .isTrue();
        assertThat(trail(second).path("attempts"))
                .singleElement()
                .satisfies(a -> assertThat(a.path("refusedBy").asString()).isEqualTo("cooldown"));
        var after = owner.client().get(eligibilityPath(second)).json();
        assertThat(after.path("canEscalate").asBoolean()).isFalse();
        assertThat(after.path("reason").asString()).contains("You can escalate again from");
    }

    @Test
    void anOwnerWhosePromiseWasBrokenEscalatesAnHourOldCaseAtOnce() {
        var owner = CustomerFixtures.owner(port, admin, "Broken Promise Owner");
        long caseId = answeredCase(owner, "The recall repair was not done");
        var promise = agent.post(
                "/api/v1/cases/" + caseId + "/promises",
                Map.of(
                        "description",
                        "We call you back within half an hour.",
                        "dueAt",
                        clock.instant().plus(Duration.ofMinutes(30)).toString(),
                        "responsible",
                        EXECUTIVE));
        assertThat(promise.status()).as("%s", promise).isEqualTo(201);

        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "BROKEN"
                        .equals(agent.get("/api/v1/cases/" + caseId + "/promises/" + promise.id())
                                .json()
                                .path("status")
                                .asString()));

        var made = escalate(owner.client(), caseId, REASON);

        assertThat(made.status()).as("%s", made).isEqualTo(201);
        var staffView = trail(caseId).path("escalations").get(0);
        assertThat(staffView.path("companyFailed").asBoolean()).isTrue();
    }

    @Test
    void anotherOwnersCaseIsNotFoundAndNothingIsRecorded() {
        var owner = CustomerFixtures.owner(port, admin, "Owner Of The Case");
        var stranger = CustomerFixtures.owner(port, admin, "Stranger");
        long caseId = answeredCase(owner, "Door handle broke off");
        clock.advance(Duration.ofDays(2));

        assertProblem(escalate(stranger.client(), caseId, REASON), 404);
        assertProblem(stranger.client().get(eligibilityPath(caseId)), 404);
        assertThat(trail(caseId).path("attempts").isEmpty()).isTrue();
    }

    @Test
    void aShortReasonIsRefusedWithTheLengthItNeeds() {
        var owner = CustomerFixtures.owner(port, admin, "Terse Owner");
        long caseId = answeredCase(owner, "Wipers squeak");
        clock.advance(Duration.ofDays(2));

        var problem = assertProblem(escalate(owner.client(), caseId, "urgent!!!"), 400);

        assertThat(problem.path("rule").asString()).isEqualTo("reason-length");
        assertThat(problem.path("detail").asString()).contains("40");
        assertThat(trail(caseId).path("escalations").isEmpty()).isTrue();
    }

    @Test
    void theExecutiveAnswersAndTheOwnerReceivesItSignedOnTheirChannel() throws Exception {
        var owner = CustomerFixtures.owner(port, admin, "Mail Owner");
        var email = admin.get("/api/v1/customers/" + owner.customerId())
                .json()
                .path("email")
                .asString();
        var opened = agent.post(
                "/api/v1/cases",
                Map.of(
                        "customerId", owner.customerId(),
                        "subject", "Gearbox noise",
                        "body", "It grinds in third gear.",
                        "channel", "EMAIL"));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        long caseId = opened.id();
        agent.post("/api/v1/cases/" + caseId + "/messages", Map.of("body", "We are looking into it."));
        clock.advance(Duration.ofDays(2));
        var made = escalate(owner.client(), caseId, REASON);
        assertThat(made.status()).as("%s", made).isEqualTo(201);

        var queue = executive.get("/api/v1/executive-escalations").json().path("items");
        assertThat(each(queue, "id")).contains(String.valueOf(made.id()));

        var answered = executive.post(
                "/api/v1/executive-escalations/" + made.id() + "/answer",
                Map.of("body", "I have asked our best technician to call you today about the gearbox."));

        assertThat(answered.status()).as("%s", answered).isEqualTo(200);
        assertThat(answered.json().path("state").asString()).isEqualTo("ANSWERED");
        assertThat(answered.json().path("firstResponseLate").asBoolean()).isFalse();
        var mail = await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(email, "best technician"), m -> m != null);
        var text = GreenMailUtil.getBody(mail).replace("=\r\n", "");
        assertThat(text).contains("I have asked our best technician").contains("Erin Executive");
        var conversation =
                owner.client().get("/api/v1/me/cases/" + caseId).json().path("messages");
        assertThat(each(conversation, "body"))
                .anySatisfy(body -> assertThat(body).contains("best technician").contains("— Erin Executive"));
        assertThat(each(trail(caseId).path("steps"), "kind")).containsSubsequence("REQUESTED", "ROUTED", "ANSWERED");
        var promises = agent.get("/api/v1/cases/" + caseId + "/promises").json().path("items");
        assertThat(promises)
                .filteredOn(p -> p.path("responsible").asString().equals(EXECUTIVE))
                .singleElement()
                .satisfies(p -> assertThat(p.path("status").asString()).isEqualTo("KEPT"));
    }

    @Test
    void aRepeatedRequestWithTheSameKeyMakesOneEscalation() {
        var owner = CustomerFixtures.owner(port, admin, "Double Click Owner");
        long caseId = answeredCase(owner, "Seat heating broken");
        clock.advance(Duration.ofDays(2));
        var body = "{\"reason\": \"" + REASON + "\"}";
        var key = Map.of("Idempotency-Key", "press-1");

        var first = owner.client().send("POST", eligibilityPath(caseId), body, "application/json", key);
        var second = owner.client().send("POST", eligibilityPath(caseId), body, "application/json", key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(trail(caseId).path("escalations")).hasSize(1);
    }

    @Test
    void aKeyWhoseAttemptWasRefusedMayBeSentAgainWithTheReasonFixed() {
        var owner = CustomerFixtures.owner(port, admin, "Second Try Owner");
        long caseId = answeredCase(owner, "Sunroof leaks");
        clock.advance(Duration.ofDays(2));
        var key = Map.of("Idempotency-Key", "press-2");

        var tooShort = owner.client()
                .send("POST", eligibilityPath(caseId), "{\"reason\": \"It leaks!\"}", "application/json", key);
        var fixed = owner.client()
                .send("POST", eligibilityPath(caseId), "{\"reason\": \"" + REASON + "\"}", "application/json", key);

        assertProblem(tooShort, 400);
        assertThat(fixed.status()).as("%s", fixed).isEqualTo(201);
        assertThat(trail(caseId).path("attempts")).hasSize(2);
    }

    @Test
    void theExecutiveMissingTheFirstResponseTargetIsRecordedAndTheOwnerToldTheTruth() {
        var owner = CustomerFixtures.owner(port, admin, "Waiting Owner");
        long caseId = answeredCase(owner, "Charging cable melted");
        clock.advance(Duration.ofDays(2));
        var made = escalate(owner.client(), caseId, REASON);
        assertThat(made.status()).as("%s", made).isEqualTo(201);

        clock.advance(Duration.ofHours(25));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> executive
                        .get("/api/v1/executive-escalations/" + made.id())
                        .json()
                        .path("firstResponseLate")
                        .asBoolean());
        assertThat(each(trail(caseId).path("steps"), "kind")).contains("FIRST_RESPONSE_LATE");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        each(
                                        owner.client()
                                                .get("/api/v1/me/cases/" + caseId)
                                                .json()
                                                .path("messages"),
                                        "body")
                                .stream()
                                .anyMatch(b -> b.contains("has not answered you") && b.contains("Erin Executive")));
        var late = executive.post(
                "/api/v1/executive-escalations/" + made.id() + "/answer",
                Map.of("body", "I am sorry for the wait; a new cable is on its way to you."));
        assertThat(late.status()).as("%s", late).isEqualTo(200);
        assertThat(late.json().path("firstResponseLate").asBoolean()).isTrue();
    }

    @Test
    void anOwnerMarkedFrivolousNeedsApprovalNextTime() {
        var owner = CustomerFixtures.owner(port, admin, "Frivolous Owner");
        long first = answeredCase(owner, "Cup holder too small");
        clock.advance(Duration.ofDays(2));
        var made = escalate(owner.client(), first, REASON);
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        var marked = executive.post(
                "/api/v1/executive-escalations/" + made.id() + "/frivolous",
                Map.of("note", "A cup holder is not a matter for the board."));
        assertThat(marked.json().path("frivolous").asBoolean()).isTrue();
        executive.post("/api/v1/executive-escalations/" + made.id() + "/close", Map.of("note", "Done."));

        clock.advance(Duration.ofDays(8));
        // a new case, within its SLA targets: missing them would waive the pre-approval
        long second = answeredCase(owner, "Brakes squeal at every stop");
        clock.advance(Duration.ofDays(2));
        var pending = escalate(owner.client(), second, REASON);

        assertThat(pending.status()).as("%s", pending).isEqualTo(201);
        assertThat(pending.json().path("state").asString()).isEqualTo("PENDING_APPROVAL");
        var queue = executive
                .get("/api/v1/executive-escalations?state=PENDING_APPROVAL")
                .json()
                .path("items");
        assertThat(each(queue, "id")).contains(String.valueOf(pending.id()));
        var approved = executive.post("/api/v1/executive-escalations/" + pending.id() + "/approve", Map.of());
        assertThat(approved.json().path("state").asString()).isEqualTo("OPEN");
        assertThat(approved.json().path("executive").asString()).isEqualTo(EXECUTIVE);
        var handedBack = executive.post(
                "/api/v1/executive-escalations/" + pending.id() + "/hand-back",
                Map.of(
                        "team", "brakes",
                        "instructions", "Replace the pads and call the owner when done.",
                        "messageToOwner", "Our brake team will replace the pads this week."));
        assertThat(handedBack.status()).as("%s", handedBack).isEqualTo(200);
        assertThat(handedBack.json().path("state").asString()).isEqualTo("HANDED_BACK");
        var watched = executive
                .get("/api/v1/executive-escalations?state=HANDED_BACK")
                .json()
                .path("items");
        assertThat(each(watched, "id")).as("the watch list").contains(String.valueOf(pending.id()));
        var supportCase = agent.get("/api/v1/cases/" + second).json();
        assertThat(supportCase.path("team").asString()).isEqualTo("brakes");
        assertThat(each(supportCase.path("messages"), "body"))
                .anySatisfy(b -> assertThat(b).contains("Replace the pads"))
                .anySatisfy(b -> assertThat(b).contains("brake team").contains("— Erin Executive"));
    }

    @Test
    void officeActionsOnAnEscalationInTheWrongStateAreConflicts() {
        var owner = CustomerFixtures.owner(port, admin, "Conflict Owner");
        long caseId = answeredCase(owner, "Trunk will not open");
        clock.advance(Duration.ofDays(2));
        var made = escalate(owner.client(), caseId, REASON);

        assertProblem(executive.post("/api/v1/executive-escalations/" + made.id() + "/approve", Map.of()), 409);
        assertProblem(
                executive.post("/api/v1/executive-escalations/" + made.id() + "/answer", Map.of("body", " ")), 400);
        assertProblem(executive.post("/api/v1/executive-escalations/999999999/close", Map.of()), 404);
        assertThat(executive
                        .get("/api/v1/executive-escalations/" + made.id())
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("OPEN");
    }

    private MimeMessage mailTo(String address, String text) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                        .anyMatch(a -> a.toString().contains(address))
                                && GreenMailUtil.getBody(m).replace("=\r\n", "").contains(text);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElse(null);
    }

    /** A case the owner opened and an agent answered, so no response clock runs while time travels. */
    private long answeredCase(CustomerFixtures.Owner owner, String subject) {
        var opened = owner.client().post("/api/v1/me/cases", Map.of("subject", subject, "body", "Please help."));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        var answer = agent.post("/api/v1/cases/" + opened.id() + "/messages", Map.of("body", "We are on it."));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return opened.id();
    }

    private JsonNode trail(long caseId) {
        return admin.get("/api/v1/cases/" + caseId + "/executive-escalations").json();
    }

    private static String eligibilityPath(long caseId) {
        return "/api/v1/me/cases/" + caseId + "/executive-escalation";
    }
}
