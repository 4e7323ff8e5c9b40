package io.directline.cases;

import static io.directline.cases.CaseFixtures.openCase;
import static io.directline.testsupport.ApiResponses.assertProblem;
import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The API as an integration or a person with curl uses it: real HTTP against the running server, signed
 * in with HTTP Basic or an API token, every refusal a problem document with a sentence in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiScenarioTests {

    @LocalServerPort
    int port;

    ApiClient admin;
    ApiClient anonymous;

    @BeforeEach
    void setUp() {
        admin = IdentityFixtures.admin(port);
        anonymous = ApiClient.anonymous(port);
    }

    @Test
    void ownersSeeAndAnswerTheirOwnCasesAndBadRequestsLoseNothing() {
        // an admin registers two owners with logins, and opens a case for the first
        var first = CustomerFixtures.owner(port, admin, "Ada Lindqvist");
        var second = CustomerFixtures.owner(port, admin, "Bruno Okafor");

        var opened = admin.post(
                "/api/v1/cases",
                Map.of(
                        "customerId", first.customerId(),
                        "subject", "Dryer rattles since the last update",
                        "body", "It started on Monday, only on the wool programme."));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        long caseId = opened.id();
        assertThat(opened.header("Location")).endsWith("/api/v1/cases/" + caseId);
        assertThat(opened.json().path("status").asString()).isEqualTo("NEW");
        assertThat(opened.json().path("customerId").asLong()).isEqualTo(first.customerId());

        // the first owner finds it among their cases and answers it
        var mine = first.client().get("/api/v1/me/cases");
        assertThat(mine.status()).as("%s", mine).isEqualTo(200);
        assertThat(each(mine.json().path("items"), "id")).containsExactly(String.valueOf(caseId));

        var answer = first.client()
                .post("/api/v1/me/cases/" + caseId + "/messages", Map.of("body", "Here is a recording of the noise."));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().path("direction").asString()).isEqualTo("INBOUND");

        var seen = first.client().get("/api/v1/me/cases/" + caseId);
        assertThat(seen.status()).as("%s", seen).isEqualTo(200);
        assertThat(seen.json().path("status").asString()).isEqualTo("OPEN");
        assertThat(each(seen.json().path("messages"), "body"))
                .containsExactly(
                        "It started on Monday, only on the wool programme.", "Here is a recording of the noise.");

        // the second owner cannot tell the case exists: 404, not 403
        assertProblem(second.client().get("/api/v1/me/cases/" + caseId), 404);
        assertProblem(
                second.client().post("/api/v1/me/cases/" + caseId + "/messages", Map.of("body", "Is this mine?")), 404);
        var theirs = second.client().get("/api/v1/me/cases");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(each(theirs.json().path("items"), "id")).doesNotContain(String.valueOf(caseId));

        // nobody signed in: 401 with a hint how to sign in
        var unsigned = anonymous.get("/api/v1/cases/" + caseId);
        assertThat(assertProblem(unsigned, 401).path("detail").asString()).contains("Sign in");
        assertThat(unsigned.header("WWW-Authenticate")).contains("Bearer").doesNotContain("Basic");
        assertProblem(anonymous.get("/api/v1/me/cases/" + caseId), 401);
        assertProblem(anonymous.post("/api/v1/me/cases/" + caseId + "/messages", Map.of("body", "hi")), 401);

        // every bad request gets a problem with a sentence, and the case stays exactly as it was
        String path = "/api/v1/cases/" + caseId;
        var before = stored(caseId);
        var ownerBefore = first.client().get("/api/v1/me/cases/" + caseId).json();

        var malformed = admin.send("PATCH", path, "{\"status\": \"RESOLVED\",", "application/json");
        assertThat(assertProblem(malformed, 400).path("detail").asString()).contains("not valid JSON");
        assertThat(stored(caseId)).isEqualTo(before);

        var malformedOwner = first.client()
                .send(
                        "POST",
                        "/api/v1/me/cases/" + caseId + "/messages",
                        "{\"body\": \"unterminated",
                        "application/json");
        assertProblem(malformedOwner, 400);
        assertThat(stored(caseId)).isEqualTo(before);

        var unknownStatus = admin.patch(path, Map.of("status", "SHELVED"));
        assertThat(assertProblem(unknownStatus, 400).path("detail").asString())
                .contains("status", "SHELVED", "OPEN", "RESOLVED");
        assertThat(stored(caseId)).isEqualTo(before);

        String mebibyte = "This is a very long message. ".repeat(1024 * 1024 / 29 + 1);
        assertThat(mebibyte.length()).isGreaterThanOrEqualTo(1024 * 1024);
        var tooLong = admin.post(path + "/messages", Map.of("body", mebibyte));
        assertThat(assertProblem(tooLong, 413).path("detail").asString()).contains("limit");
        assertThat(stored(caseId)).isEqualTo(before);
        assertProblem(first.client().post("/api/v1/me/cases/" + caseId + "/messages", Map.of("body", mebibyte)), 413);
        assertThat(stored(caseId)).isEqualTo(before);

        long unknownId = caseId + 4_000_000_000L;
        assertThat(assertProblem(admin.get("/api/v1/cases/" + unknownId), 404)
                        .path("detail")
                        .asString())
                .contains(String.valueOf(unknownId));
        assertProblem(admin.patch("/api/v1/cases/" + unknownId, Map.of("status", "OPEN")), 404);
        assertProblem(admin.post("/api/v1/cases/" + unknownId + "/messages", Map.of("body", "Hello?")), 404);
        assertProblem(admin.get("/api/v1/cases/not-a-number"), 400);

        var noSubject = admin.post(
                "/api/v1/cases", Map.of("customerId", first.customerId(), "body", "Forgot the subject line."));
        assertThat(assertProblem(noSubject, 400).path("detail").asString()).contains("subject");
        assertThat(noSubject.json().path("errors").toString()).contains("subject");

        var emptyMessage = admin.post(path + "/messages", Map.of("body", "   "));
        assertProblem(emptyMessage, 400);

        assertThat(stored(caseId)).isEqualTo(before);
        assertThat(first.client().get("/api/v1/me/cases/" + caseId).json()).isEqualTo(ownerBefore);
        assertThat(each(first.client().get("/api/v1/me/cases").json().path("items"), "id"))
                .as("the refused case without a subject was not stored")
                .containsExactly(String.valueOf(caseId));
    }

    @Test
    void listParametersOutOfRangeAreRefusedWithAProblem() {
        var owner = CustomerFixtures.owner(port, admin, "Chen Paging");

        var tooBig = admin.get("/api/v1/cases?size=1000");
        assertThat(assertProblem(tooBig, 400).path("detail").asString()).contains("size");
        assertProblem(admin.get("/api/v1/cases?page=-1"), 400);
        assertProblem(admin.get("/api/v1/customers?size=0"), 400);
        assertProblem(owner.client().get("/api/v1/me/cases?size=101"), 400);
        assertThat(assertProblem(admin.get("/api/v1/cases?updatedSince=yesterday"), 400)
                        .path("detail")
                        .asString())
                .contains("updatedSince");
        assertThat(assertProblem(admin.get("/api/v1/cases?status=SHELVED"), 400)
                        .path("detail")
                        .asString())
                .contains("status", "SHELVED", "OPEN", "RESOLVED");
    }

    @Test
    void anOwnersReplyReopensAResolvedCase() {
        var owner = CustomerFixtures.owner(port, admin, "Dana Reopen");
        var agent = IdentityFixtures.staff(port, admin, "AGENT");
        long caseId = openCase(agent, owner.customerId(), "Filter light stays on", "After cleaning the filter.");

        var resolved = agent.patch("/api/v1/cases/" + caseId, Map.of("status", "RESOLVED"));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(owner.client()
                        .get("/api/v1/me/cases/" + caseId)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("RESOLVED");

        var reply = owner.client()
                .post("/api/v1/me/cases/" + caseId + "/messages", Map.of("body", "It is back again, sorry."));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);

        assertThat(owner.client()
                        .get("/api/v1/me/cases/" + caseId)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("OPEN");
        var detail = stored(caseId);
        assertThat(detail.path("status").asString()).isEqualTo("OPEN");
        assertThat(detail.path("audit").toString()).contains("RESOLVED → OPEN");
    }

    @Test
    void aClosedCaseRefusesStatusChangesNamingWhatIsAllowed() {
        var owner = CustomerFixtures.owner(port, admin, "Emil Closed");
        var supervisor = IdentityFixtures.staff(port, admin, "SUPERVISOR");
        long caseId = openCase(supervisor, owner.customerId(), "Door seal torn", "The seal tore at the hinge.");
        String path = "/api/v1/cases/" + caseId;

        assertThat(supervisor.patch(path, Map.of("status", "RESOLVED")).status())
                .isEqualTo(200);
        var illegal = supervisor.patch(path, Map.of("status", "WAITING_ON_CUSTOMER"));
        var refusal = assertProblem(illegal, 409);
        assertThat(refusal.path("detail").asString()).contains("RESOLVED", "OPEN", "CLOSED");
        assertThat(refusal.path("allowedStatuses").size()).isEqualTo(2);
        assertThat(refusal.path("allowedStatuses").toString()).contains("OPEN", "CLOSED");

        var closed = supervisor.patch(path, Map.of("status", "CLOSED"));
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);
        assertThat(closed.json().path("allowedStatuses").isEmpty()).isTrue();
        var before = stored(caseId);

        var reopen = assertProblem(supervisor.patch(path, Map.of("status", "OPEN")), 409);
        assertThat(reopen.path("detail").asString()).contains("CLOSED", "no longer change status");
        assertThat(reopen.path("currentStatus").asString()).isEqualTo("CLOSED");
        assertThat(reopen.path("allowedStatuses").isArray()).isTrue();
        assertThat(reopen.path("allowedStatuses").isEmpty()).isTrue();

        assertProblem(
                owner.client().post("/api/v1/me/cases/" + caseId + "/messages", Map.of("body", "Any news?")), 409);
        assertProblem(supervisor.post(path + "/messages", Map.of("body", "We ship a new seal.")), 409);
        assertThat(stored(caseId)).isEqualTo(before);
    }

    @Test
    void internalNotesNeverReachTheOwner() {
        var owner = CustomerFixtures.owner(port, admin, "Farah Private");
        var agent = IdentityFixtures.staff(port, admin, "AGENT");
        long caseId = openCase(agent, owner.customerId(), "Warranty question", "Is the pump still covered?");

        var note = agent.post(
                "/api/v1/cases/" + caseId + "/messages",
                Map.of("body", "Serial number is from the recalled batch.", "visibility", "INTERNAL"));
        assertThat(note.status()).as("%s", note).isEqualTo(201);
        assertThat(note.json().path("direction").asString()).isEqualTo("INTERNAL");
        var answer = agent.post(
                "/api/v1/cases/" + caseId + "/messages", Map.of("body", "Yes, we replace the pump for free."));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);

        var staffView = stored(caseId);
        assertThat(each(staffView.path("messages"), "body")).contains("Serial number is from the recalled batch.");
        var messageId = note.id();
        var oneNote = agent.get("/api/v1/cases/" + caseId + "/messages/" + messageId);
        assertThat(oneNote.status()).isEqualTo(200);
        assertThat(oneNote.json().path("direction").asString()).isEqualTo("INTERNAL");

        var ownerView = owner.client().get("/api/v1/me/cases/" + caseId);
        assertThat(ownerView.status()).isEqualTo(200);
        assertThat(ownerView.body()).doesNotContain("recalled batch").doesNotContain("INTERNAL");
        assertThat(ownerView.json().has("audit")).isFalse();
        assertThat(each(ownerView.json().path("messages"), "body"))
                .containsExactly("Is the pump still covered?", "Yes, we replace the pump for free.");
        assertThat(owner.client().get("/api/v1/me/cases").body()).doesNotContain("recalled batch");
    }

    @Test
    void htmlInMessagesIsSanitized() {
        var owner = CustomerFixtures.owner(port, admin, "Gus Markup");
        var agent = IdentityFixtures.staff(port, admin, "AGENT");
        long caseId = openCase(
                agent,
                owner.customerId(),
                "Display flickers",
                "<p>It <b>flickers</b></p><script>alert('opened')</script>");

        var written = owner.client()
                .post(
                        "/api/v1/me/cases/" + caseId + "/messages",
                        Map.of(
                                "body",
                                "<p onclick=\"steal()\">See <a href=\"javascript:alert(1)\">this</a>"
                                        + " and <i>this</i></p><img src=x onerror=alert(1)><script>alert(2)</script>"));
        assertThat(written.status()).as("%s", written).isEqualTo(201);
        assertThat(written.json().path("body").asString())
                .doesNotContain("<script", "alert(2)", "onerror", "onclick", "javascript:")
                .contains("<i>this</i>");

        var reply = agent.post(
                "/api/v1/cases/" + caseId + "/messages",
                Map.of("body", "<b>Thanks</b><script>document.cookie</script>"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);

        for (var view : List.of(
                stored(caseId), owner.client().get("/api/v1/me/cases/" + caseId).json())) {
            var bodies = String.join("\n", each(view.path("messages"), "body"));
            assertThat(bodies)
                    .doesNotContain("<script", "alert(", "onerror", "onclick", "javascript:", "document.cookie")
                    .contains("<b>flickers</b>", "<i>this</i>", "<b>Thanks</b>");
        }

        var onlyScript = owner.client()
                .post("/api/v1/me/cases/" + caseId + "/messages", Map.of("body", "<script>alert(3)</script>"));
        assertThat(assertProblem(onlyScript, 400).path("detail").asString()).contains("no text");
    }

    @Test
    void theAuditTrailRecordsWhoDidWhatThroughWhichChannel() {
        long customerId = CustomerFixtures.registerOwner(admin, "Hana Audit");
        String agentName = IdentityFixtures.createLogin(admin, "AGENT", null);
        var agent = IdentityFixtures.signIn(port, agentName);
        String supervisorName = IdentityFixtures.createLogin(admin, "SUPERVISOR", null);
        var supervisor = IdentityFixtures.signIn(port, supervisorName);
        String ownerName = IdentityFixtures.createLogin(admin, "OWNER", customerId);
        var ownerClient = IdentityFixtures.signIn(port, ownerName);

        var opened = ownerClient.post(
                "/api/v1/me/cases", Map.of("subject", "Hose leaks", "body", "Water under the machine."));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        assertThat(opened.header("Location")).endsWith("/api/v1/me/cases/" + opened.id());
        long caseId = opened.id();
        String path = "/api/v1/cases/" + caseId;

        assertThat(supervisor
                        .patch(path, Map.of("assignee", agentName, "priority", "HIGH", "team", "Repairs"))
                        .status())
                .isEqualTo(200);
        assertThat(agent.post(path + "/messages", Map.of("body", "Which model is it?"))
                        .status())
                .isEqualTo(201);
        assertThat(agent.post(path + "/messages", Map.of("body", "Asked for the model.", "visibility", "INTERNAL"))
                        .status())
                .isEqualTo(201);
        assertThat(agent.patch(path, Map.of("status", "WAITING_ON_CUSTOMER", "tags", List.of("Leak")))
                        .status())
                .isEqualTo(200);
        assertThat(ownerClient
                        .post("/api/v1/me/cases/" + caseId + "/messages", Map.of("body", "WM-2040"))
                        .status())
                .isEqualTo(201);
        assertThat(agent.patch(path, Map.of("assignee", "")).status()).isEqualTo(200);
        // a refused change leaves no trace
        assertProblem(agent.patch(path, Map.of("assignee", "nobody-" + caseId)), 400);

        var audit = stored(caseId).path("audit");
        assertThat(auditLines(audit))
                .containsExactly(
                        ownerName + " PORTAL OPENED",
                        supervisorName + " PORTAL ASSIGNED",
                        supervisorName + " PORTAL TEAM_CHANGED",
                        supervisorName + " PORTAL PRIORITY_CHANGED",
                        agentName + " PORTAL STATUS_CHANGED",
                        agentName + " PORTAL REPLIED",
                        agentName + " PORTAL NOTE_ADDED",
                        agentName + " PORTAL STATUS_CHANGED",
                        agentName + " PORTAL TAGS_CHANGED",
                        ownerName + " PORTAL STATUS_CHANGED",
                        ownerName + " PORTAL MESSAGE_RECEIVED",
                        agentName + " PORTAL ASSIGNED");
        for (var entry : audit) {
            assertThat(entry.path("at").asString()).as("%s", entry).isNotBlank();
        }
        var details = audit.toString();
        assertThat(details)
                .contains(
                        "Assigned to " + agentName,
                        "Team Repairs",
                        "NORMAL → HIGH",
                        "NEW → OPEN",
                        "OPEN → WAITING_ON_CUSTOMER",
                        "WAITING_ON_CUSTOMER → OPEN",
                        "leak",
                        "Unassigned");
    }

    @Test
    void apiTokensCanBeIssuedUsedListedAndRevoked() {
        var agent = IdentityFixtures.staff(port, admin, "AGENT");

        var issued = agent.post("/api/v1/tokens", Map.of("name", "ci"));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        long tokenId = issued.id();
        String secret = issued.json().path("token").asString();
        assertThat(secret).startsWith("dl_");
        assertThat(issued.header("Location")).endsWith("/api/v1/tokens/" + tokenId);

        var bearer = ApiClient.bearer(port, secret);
        assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(200);

        var listed = agent.get("/api/v1/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(each(listed.json(), "id")).contains(String.valueOf(tokenId));
        assertThat(each(listed.json(), "name")).contains("ci");
        assertThat(listed.body()).doesNotContain(secret).doesNotContain("\"token\"");
        for (var token : listed.json()) {
            assertThat(token.has("token")).isFalse();
        }
        assertThat(bearer.get("/api/v1/tokens").body()).doesNotContain(secret);

        // someone else cannot revoke it
        var other = IdentityFixtures.staff(port, admin, "AGENT");
        assertProblem(other.delete("/api/v1/tokens/" + tokenId), 404);
        assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(200);

        var revoked = agent.delete("/api/v1/tokens/" + tokenId);
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);

        var refused = bearer.get("/api/v1/cases");
        assertThat(assertProblem(refused, 401).path("detail").asString()).contains("API token");
        assertThat(each(agent.get("/api/v1/tokens").json(), "id")).doesNotContain(String.valueOf(tokenId));
        assertProblem(agent.delete("/api/v1/tokens/" + tokenId), 404);

        assertProblem(ApiClient.bearer(port, "dl_made-up").get("/api/v1/cases"), 401);
        assertProblem(anonymous.post("/api/v1/tokens", Map.of("name", "ci")), 401);
        assertProblem(agent.post("/api/v1/tokens", Map.of("name", " ")), 400);
    }

    @Test
    void anOwnersTokenReachesOnlyTheOwnersOwnCases() {
        var owner = CustomerFixtures.owner(port, admin, "Ines Token");
        long caseId = openCase(admin, owner.customerId(), "Token case", "Opened for the token test.");
        var issued = owner.client().post("/api/v1/tokens", Map.of("name", "home automation", "expiresInDays", 30));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        assertThat(issued.json().path("expiresAt").asString()).isNotBlank();
        var bearer = ApiClient.bearer(port, issued.json().path("token").asString());

        assertThat(each(bearer.get("/api/v1/me/cases").json().path("items"), "id"))
                .containsExactly(String.valueOf(caseId));
        assertProblem(bearer.get("/api/v1/cases/" + caseId), 403);
        assertProblem(bearer.get("/api/v1/customers/" + owner.customerId()), 403);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWith429() {
        String username = IdentityFixtures.createLogin(admin, "AGENT", null);
        var wrong = ApiClient.basic(port, username, "not-the-password");
        for (int i = 0; i < 5; i++) {
            var refused = wrong.get("/api/v1/cases");
            assertThat(assertProblem(refused, 401).path("detail").asString()).contains("password");
        }

        var right = IdentityFixtures.signIn(port, username);
        var throttled = right.get("/api/v1/cases");
        var problem = assertProblem(throttled, 429);
        assertThat(problem.path("detail").asString()).contains("Try again");
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(problem.path("retryAfter").asLong()).isPositive();

        // the lock is for this account only
        assertThat(admin.get("/api/v1/cases").status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsAreForAdminsAndCountCasesAndMessages() {
        var agent = IdentityFixtures.staff(port, admin, "AGENT");
        var owner = CustomerFixtures.owner(port, admin, "Jonas Metrics");
        long caseId = openCase(agent, owner.customerId(), "Counting", "Please count me.");
        assertThat(agent.post("/api/v1/cases/" + caseId + "/messages", Map.of("body", "Counted."))
                        .status())
                .isEqualTo(201);

        assertProblem(anonymous.accepting("*/*").get("/actuator/prometheus"), 401);
        assertProblem(agent.accepting("*/*").get("/actuator/prometheus"), 403);
        assertProblem(owner.client().accepting("*/*").get("/actuator/prometheus"), 403);
        assertProblem(agent.get("/actuator/metrics"), 403);
        assertThat(admin.get("/actuator/metrics/directline.cases.opened").status())
                .isEqualTo(200);

        var scrape = admin.accepting("*/*").get("/actuator/prometheus");
        assertThat(scrape.status()).as("%s", scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body())
                .contains("directline_cases_opened_total{")
                .contains("directline_messages_total{")
                .containsPattern("directline_cases_opened_total\\{[^}]*channel=\"PORTAL\"[^}]*} [1-9]")
                .containsPattern("directline_messages_total\\{[^}]*direction=\"OUTBOUND\"[^}]*} [1-9]");
    }

    /** What staff see of the case, straight from the API. */
    private JsonNode stored(long caseId) {
        var response = admin.get("/api/v1/cases/" + caseId);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    /** Each audit entry as "who channel what". */
    private static List<String> auditLines(JsonNode audit) {
        return StreamSupport.stream(audit.spliterator(), false)
                .map(a -> a.path("actor").asString() + " "
                        + a.path("channel").asString() + " "
                        + a.path("action").asString())
                .toList();
    }
}
