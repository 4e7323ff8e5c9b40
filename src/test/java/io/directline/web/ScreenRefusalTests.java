package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.Direction;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.escalation.EscalationFixtures;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenClient;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * A refused form comes back with the refusal's sentence and what was typed, over real HTTP as a browser posts it: a
 * team or tag too long on the case page, an order number too long on the portal, a team too long when an executive
 * hands a case back, and an answer the owner's new message overtook (kept as a draft, with the new message shown).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreenRefusalTests {

    private static final String TEAM_61 = "t".repeat(61);

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    @Autowired
    UserManagement users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EntityManager entityManager;

    People people;
    People.Owner owner;
    People.Agent agent;
    long caseId;

    @BeforeEach
    void anOwnerWithACaseAndTheirAgent() {
        people = new People(customers, users, cases);
        owner = people.owner("Rita");
        agent = people.agent("Rolf");
        caseId = people.caseWithConversation(owner, agent);
    }

    @Test
    void aTeamOverSixtyCharactersGivesTheCaseSettingsBackWithTheReasonAndWhatWasTyped() {
        var agentSees = ScreenClient.signedIn(port, agent.username(), People.PASSWORD);
        var page = "/cases/" + caseId;

        var saved = agentSees.post(page, Map.of("team", TEAM_61, "tags", "hardware, k2, lid"), page);

        assertThat(saved.status()).as("%s", saved).isEqualTo(302);
        assertThat(saved.location()).isEqualTo(page);
        var back = agentSees.get(page);
        assertThat(back.status()).isEqualTo(200);
        assertThat(alert(back)).isEqualTo("A team name has at most 60 characters; this one has 61.");
        assertThat(valueOf(back, "case-team")).isEqualTo(TEAM_61);
        assertThat(valueOf(back, "case-tags")).isEqualTo("hardware, k2, lid");
        assertThat(cases.get(caseId).getTeam()).as("nothing changed").isEqualTo("support");
        assertThat(cases.get(caseId).getTags())
                .as("nothing changed, not even the tags")
                .containsOnly("hardware", "k2");

        // the next visit shows the case as it is
        assertThat(alert(agentSees.get(page))).isNull();
        assertThat(valueOf(agentSees.get(page), "case-team")).isEqualTo("support");
    }

    @Test
    void aTagOverSixtyCharactersGivesTheCaseSettingsBackWithTheReason() {
        var agentSees = ScreenClient.signedIn(port, agent.username(), People.PASSWORD);
        var page = "/cases/" + caseId;
        var tags = "hardware, " + "lid".repeat(21);

        agentSees.post(page, Map.of("team", "returns", "tags", tags), page);

        var back = agentSees.get(page);
        assertThat(alert(back))
                .startsWith("A tag has at most 60 characters; \"lidlid")
                .endsWith("\" has 63.");
        assertThat(valueOf(back, "case-tags")).isEqualTo(tags);
        assertThat(valueOf(back, "case-team")).isEqualTo("returns");
        assertThat(cases.get(caseId).getTeam()).isEqualTo("support");
        assertThat(cases.get(caseId).getTags()).containsOnly("hardware", "k2");
    }

    @Test
    void anOrderNumberOverSixtyCharactersGivesTheNewCaseFormBackAsTyped() {
        var ownerSees = ScreenClient.signedIn(port, owner.username(), People.PASSWORD);
        var orderId = "SO-" + "9".repeat(58);
        var subject = "Scratch on the door " + UUID.randomUUID();

        var sent = ownerSees.post(
                "/portal/cases",
                Map.of("subject", subject, "orderId", orderId, "body", "The left door came with a scratch."),
                "/portal/new");

        assertThat(sent.status()).as("%s", sent).isEqualTo(302);
        assertThat(sent.location()).isEqualTo("/portal/new");
        var back = ownerSees.get("/portal/new");
        assertThat(alert(back)).isEqualTo("An order number has at most 60 characters; this one has 61.");
        assertThat(valueOf(back, "subject")).isEqualTo(subject);
        assertThat(valueOf(back, "order-id")).isEqualTo(orderId);
        assertThat(textOf(back, "body")).isEqualTo("The left door came with a scratch.");
        assertThat(jdbc.queryForObject("select count(*) from support_case where subject = ?", Long.class, subject))
                .as("no case was opened")
                .isZero();
    }

    @Test
    void aHandBackTeamOverSixtyCharactersGivesTheOfficeFormBackAsTyped() {
        var executive = people.staff("Rhea", Role.EXECUTIVE, null).username();
        long oldCase = EscalationFixtures.oldCase(cases, owner.customerId(), Duration.ofDays(3));
        var ownerSees = ScreenClient.signedIn(port, owner.username(), People.PASSWORD);
        var escalated = ownerSees.post(
                "/portal/cases/" + oldCase + "/executive-escalation",
                Map.of("reason", EscalationFixtures.REASON, "domain", "service", "requestKey", "k-" + oldCase),
                "/portal/cases/" + oldCase);
        assertThat(escalated.status()).as("%s", escalated).isEqualTo(302);
        long escalation =
                jdbc.queryForObject("select id from executive_escalation where case_id = ?", Long.class, oldCase);
        var executiveSees = ScreenClient.signedIn(port, executive, People.PASSWORD);
        var page = "/executive/escalations/" + escalation;

        var handedBack = executiveSees.post(
                page + "/hand-back",
                Map.of(
                        "team", TEAM_61,
                        "instructions", "Replace the panel this week.",
                        "body", "Our body shop will call you tomorrow."),
                page);

        assertThat(handedBack.status()).as("%s", handedBack).isEqualTo(302);
        assertThat(handedBack.location()).isEqualTo(page);
        var back = executiveSees.get(page);
        assertThat(alert(back)).isEqualTo("A team name has at most 60 characters; this one has 61.");
        assertThat(valueOf(back, "handback-team")).isEqualTo(TEAM_61);
        assertThat(textOf(back, "handback-instructions")).isEqualTo("Replace the panel this week.");
        assertThat(textOf(back, "handback-body")).isEqualTo("Our body shop will call you tomorrow.");
        assertThat(textOf(back, "answer-body"))
                .as("the other forms of the page keep their own fields")
                .isEmpty();
        assertThat(jdbc.queryForObject("select state from executive_escalation where id = ?", String.class, escalation))
                .isEqualTo("OPEN");
    }

    @Test
    void anAnswerOvertakenByTheOwnersNewMessageIsKeptAsADraftBesideIt() {
        var agentSees = ScreenClient.signedIn(port, agent.username(), People.PASSWORD);
        var page = "/cases/" + caseId;
        var seen = valueOf(agentSees.get(page), "owner-messages-seen");
        assertThat(seen).isEqualTo("2");

        cases.receiveFromOwner(
                caseId,
                owner.customerId(),
                "Actually, the hinge is fine; it is the seal that leaks.",
                Channel.PORTAL,
                null,
                new Actor(owner.username(), owner.name(), Channel.PORTAL));
        var draft = "Your new lid ships tomorrow.";
        var sent = agentSees.post(
                page + "/messages",
                Map.of("body", draft, "visibility", "PUBLIC", "channel", "PORTAL", "ownerMessagesSeen", seen),
                page);

        assertThat(sent.status()).as("%s", sent).isEqualTo(302);
        assertThat(sent.location()).isEqualTo(page);
        var back = agentSees.get(page);
        assertThat(alert(back))
                .isEqualTo("A new message from the owner arrived while you were typing; your answer is kept below —"
                        + " read it and send again.");
        assertThat(back.body()).contains("Actually, the hinge is fine; it is the seal that leaks.");
        assertThat(textOf(back, "reply-body")).isEqualTo(draft);
        assertThat(valueOf(back, "owner-messages-seen")).isEqualTo("3");
        assertThat(answers()).as("the answer was not sent").doesNotContain(draft);

        // read, and sent again: it goes out
        var resent = agentSees.post(
                page + "/messages",
                Map.of("body", draft, "visibility", "PUBLIC", "channel", "PORTAL", "ownerMessagesSeen", "3"),
                page);
        assertThat(resent.status()).isEqualTo(302);
        assertThat(alert(agentSees.get(page))).isNull();
        assertThat(answers()).contains(draft);
    }

    /**
     * The owner's message and the agent's answer are stored at the same moment: the owner's transaction holds the
     * case while the agent's request reads it and tries to change it. The agent gets the draft back, not a 500.
     */
    @Test
    void anAnswerRacingTheOwnersMessageIsKeptAsADraftNotAServerError() throws Exception {
        var agentSees = ScreenClient.signedIn(port, agent.username(), People.PASSWORD);
        var page = "/cases/" + caseId;
        var seen = valueOf(agentSees.get(page), "owner-messages-seen");
        var draft = "We are sending a new lid today.";

        var reply = new CompletableFuture<ScreenClient.Response>();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            cases.receiveFromOwner(
                    caseId,
                    owner.customerId(),
                    "The seal leaks too, by the way.",
                    Channel.PORTAL,
                    null,
                    new Actor(owner.username(), owner.name(), Channel.PORTAL));
            entityManager.flush();
            CompletableFuture.runAsync(() -> reply.complete(agentSees.post(
                    page + "/messages",
                    Map.of("body", draft, "visibility", "PUBLIC", "channel", "PORTAL", "ownerMessagesSeen", seen),
                    page)));
            pause(300); // the agent's request reads the case and waits for this transaction's hold on it
        });

        var sent = reply.get();
        assertThat(sent.status()).as("%s", sent).isEqualTo(302);
        var back = agentSees.get(page);
        assertThat(alert(back)).startsWith("A new message from the owner arrived while you were typing");
        assertThat(back.body()).contains("The seal leaks too, by the way.");
        assertThat(textOf(back, "reply-body")).isEqualTo(draft);
        assertThat(answers()).doesNotContain(draft);
    }

    private java.util.List<String> answers() {
        return cases.conversation(caseId, true).stream()
                .filter(m -> m.getDirection() == Direction.OUTBOUND)
                .map(m -> m.getBody())
                .toList();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The refusal shown on top of the page, or null. */
    static String alert(ScreenClient.Response page) {
        var m = Pattern.compile("role=\"alert\"[^>]*>([^<]*)<").matcher(page.body());
        return m.find() ? HtmlUtils.htmlUnescape(m.group(1)) : null;
    }

    /** The value of the input with this id. */
    static String valueOf(ScreenClient.Response page, String id) {
        var m = Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(page.body());
        assertThat(m.find()).as("an input #%s on the page", id).isTrue();
        var value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(m.group());
        return value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : "";
    }

    /** The text of the textarea with this id. */
    static String textOf(ScreenClient.Response page, String id) {
        var m = Pattern.compile("<textarea[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</textarea>")
                .matcher(page.body());
        assertThat(m.find()).as("a textarea #%s on the page", id).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }
}
