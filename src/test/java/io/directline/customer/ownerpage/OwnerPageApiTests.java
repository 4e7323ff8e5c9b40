package io.directline.customer.ownerpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.SupportCase;
import io.directline.customer.CustomerFixtures;
import io.directline.escalation.EscalationFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The owner page's JSON and the find box's API over real HTTP: one owner who wrote by e-mail and by SMS, with a
 * promise on one of the cases, found by each of their keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerPageApiTests {

    @LocalServerPort
    int port;

    private ApiClient admin;
    private ApiClient agent;
    private String agentName;
    private String name;
    private String email;
    private String phoneDigits;
    private String orderId;
    private long ownerId;
    private long emailCase;
    private long smsCase;

    @BeforeAll
    void anOwnerWhoWroteOnTwoChannels() {
        admin = IdentityFixtures.admin(port);
        agentName =
                EscalationFixtures.staffLogin(admin, UniqueNames.unique("agent"), "AGENT", "Olive Agent", "support");
        agent = IdentityFixtures.signIn(port, agentName);
        var suffix = UniqueNames.suffix();
        name = "Quillon " + suffix + " Mbeki";
        email = "quillon." + suffix + "@example.org";
        // "+1 (555) 010-2000" in the issue; a number of its own per run, since all tests share one database
        int line = ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String typed = "+1 (555) " + String.valueOf(line).substring(0, 3) + "-"
                + String.valueOf(line).substring(3);
        phoneDigits = "1555" + line;
        var registered = admin.post(
                "/api/v1/customers",
                Map.of(
                        "name", name,
                        "email", email,
                        "phone", typed,
                        "socialHandles", Map.of("x", "@quillon_" + suffix)));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        ownerId = registered.id();
        orderId = "ORD-" + suffix.toUpperCase() + "-77";
        emailCase = open("Brake squeal after service", "EMAIL", orderId);
        smsCase = open("When is my car ready?", "SMS", null);
        var promise = agent.post(
                "/api/v1/cases/" + smsCase + "/promises",
                Map.of(
                        "description",
                        "We call you back on Friday.",
                        "dueAt",
                        Instant.now().plus(3, ChronoUnit.DAYS),
                        "responsible",
                        agentName));
        assertThat(promise.status()).as("%s", promise).isEqualTo(201);
    }

    @Test
    void theOwnerPageShowsTheirHandlesEveryCaseOfEveryChannelAndTheirOpenPromise() {
        var response = agent.get("/api/v1/customers/" + ownerId);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        var page = response.json();

        // the fields the API had before keep their names
        assertThat(page.path("id").asLong()).isEqualTo(ownerId);
        assertThat(page.path("name").asString()).isEqualTo(name);
        assertThat(page.path("email").asString()).isEqualTo(email);
        assertThat(page.path("phone").asString()).isEqualTo("+" + phoneDigits);

        assertThat(texts(page.path("handles"), "kind")).containsExactly("EMAIL", "PHONE", "X");
        assertThat(page.path("handles").get(0).path("verified").asBoolean()).isTrue();

        var cases = section(page, "cases");
        assertThat(rows(cases, "Reference"))
                .as("the most recently active case first")
                .containsExactly(SupportCase.reference(smsCase), SupportCase.reference(emailCase));
        assertThat(rows(cases, "Channel")).containsExactly("SMS", "EMAIL");
        assertThat(rows(cases, "Subject")).containsExactly("When is my car ready?", "Brake squeal after service");
        assertThat(cases.path("rows").get(1).path("link").asString()).isEqualTo("/cases/" + emailCase);

        var promises = section(page, "promises");
        assertThat(rows(promises, "Promise")).containsExactly("We call you back on Friday.");
        assertThat(rows(promises, "Case")).containsExactly(SupportCase.reference(smsCase));
        assertThat(rows(section(page, "escalations"), "Case")).isEmpty();
    }

    @Test
    void anUnknownOwnerIsANotFoundProblem() {
        var response = agent.get("/api/v1/customers/999999999");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theFindBoxFindsTheOwnerByTheStartOfTheirNameInAnyCase() {
        assertThat(found(name.substring(0, 12).toUpperCase())).contains("OWNER " + ownerId);
    }

    @Test
    void theFindBoxFindsTheOwnerByEmailAddress() {
        assertThat(found(email.toUpperCase())).containsExactly("OWNER " + ownerId);
    }

    @Test
    void theFindBoxFindsTheOwnerByPhoneNumberWrittenAnotherWay() {
        assertThat(found(phoneDigits)).containsExactly("OWNER " + ownerId);
        assertThat(found("+" + phoneDigits.charAt(0) + " " + phoneDigits.substring(1, 4) + "."
                        + phoneDigits.substring(4)))
                .containsExactly("OWNER " + ownerId);
    }

    @Test
    void theFindBoxFindsTheOwnerBySocialHandleWithOrWithoutTheAt() {
        var handle = agent.get("/api/v1/customers/" + ownerId)
                .json()
                .path("socialHandles")
                .path("x")
                .asString();
        assertThat(found(handle)).containsExactly("OWNER " + ownerId);
        assertThat(found(handle.substring(1))).containsExactly("OWNER " + ownerId);
    }

    @Test
    void theFindBoxFindsACaseByItsReferenceAndByItsOrderNumberOrItsStart() {
        assertThat(found(SupportCase.reference(smsCase))).containsExactly("CASE " + smsCase);
        assertThat(found(SupportCase.reference(smsCase).toLowerCase())).containsExactly("CASE " + smsCase);
        assertThat(found(orderId)).containsExactly("CASE " + emailCase);
        assertThat(found(orderId.substring(0, orderId.length() - 2))).containsExactly("CASE " + emailCase);
        var item = agent.get("/api/v1/find?q=" + encode(orderId))
                .json()
                .path("items")
                .get(0);
        assertThat(item.path("label").asString()).contains("Brake squeal after service");
        assertThat(item.path("link").asString()).isEqualTo("/cases/" + emailCase);
    }

    @Test
    void aQueryOfOneCharacterOrALikeWildcardFindsNothing() {
        assertThat(found("Q")).isEmpty();
        assertThat(found(" ")).isEmpty();
        assertThat(found("%%")).isEmpty();
        assertThat(found("__")).isEmpty();
        assertThat(agent.get("/api/v1/find").status()).isEqualTo(200);
    }

    @Test
    void anOwnerMayNeitherFindNorSeeAnOwnerPage() {
        var owner = CustomerFixtures.owner(port, admin, "Nosy " + UniqueNames.suffix());
        var find = owner.client().get("/api/v1/find?q=" + encode(email));
        assertThat(find.status()).isEqualTo(403);
        assertThat(find.body()).doesNotContain(name);
        assertThat(owner.client().get("/api/v1/customers/" + ownerId).status()).isEqualTo(403);
    }

    private long open(String subject, String channel, String order) {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "customerId", ownerId, "subject", subject, "body", subject + " Please answer.", "channel", channel));
        if (order != null) {
            body.put("orderId", order);
        }
        var opened = agent.post("/api/v1/cases", body);
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        return opened.id();
    }

    /** What the find API answers, as "KIND id". */
    private List<String> found(String query) {
        var response = agent.get("/api/v1/find?q=" + encode(query));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        var kinds = new ArrayList<String>();
        response.json()
                .path("items")
                .forEach(i ->
                        kinds.add(i.path("kind").asString() + " " + i.path("id").asLong()));
        return kinds;
    }

    private static JsonNode section(JsonNode page, String key) {
        for (var section : page.path("sections")) {
            if (section.path("key").asString().equals(key)) {
                return section;
            }
        }
        throw new AssertionError("no section " + key + " in " + page.path("sections"));
    }

    private static List<String> rows(JsonNode section, String column) {
        var cells = new ArrayList<String>();
        section.path("rows").forEach(r -> cells.add(r.path("cells").path(column).asString()));
        return cells;
    }

    private static List<String> texts(JsonNode array, String field) {
        var values = new ArrayList<String>();
        array.forEach(n -> values.add(n.path(field).asString()));
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
