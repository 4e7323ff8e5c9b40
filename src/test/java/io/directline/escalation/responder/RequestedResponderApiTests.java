package io.directline.escalation.responder;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseFixtures;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.ImportedCase;
import io.directline.cases.CaseStatus;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.identity.UserManagement;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An owner chooses who answers their case, over real HTTP. Whether staff are at work is made certain by their
 * working hours: all week round the clock, or only on the day after tomorrow (UTC), which is never today.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestedResponderApiTests {

    private static final String ALWAYS = "MON-SUN 00:00-24:00";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    CaseManagement cases;

    private ApiClient admin;

    @BeforeEach
    void signInAdmin() {
        admin = IdentityFixtures.admin(port);
    }

    @Test
    void thePreviousAgentTakesTheCaseWhenAtWorkWithRoom() {
        var owner = owner();
        var agent = staff("AGENT", null, ALWAYS);
        long caseId = CaseFixtures.openCase(admin, owner.customerId, "Brakes squeal", "Since the last service.");
        answer(agent, caseId);

        var response = choose(owner, caseId, "PREVIOUS_AGENT", null);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        var answer = response.json();
        assertThat(answer.path("honoured").asBoolean()).isTrue();
        assertThat(answer.path("responder").path("name").asString()).isEqualTo(agent.username);
        assertThat(answer.path("message").asString()).contains("has your case now and will answer you");
        var staffView = admin.get("/api/v1/cases/" + caseId).json();
        assertThat(staffView.path("assignee").asString()).isEqualTo(agent.username);
        assertThat(audit(staffView, "ESCALATED")).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asString()).as("the owner asked").isEqualTo(owner.username);
            assertThat(entry.path("detail").asString())
                    .contains("The owner asked for the agent they dealt with before");
        });
        assertThat(internalNotes(staffView)).anyMatch(n -> n.contains("The owner asked for the agent"));
    }

    @Test
    void anAgentOffWorkIsNotGivenTheCaseAndTheOwnerIsToldWhenTheyStart() {
        var owner = owner();
        var dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        var hours = dayAfterTomorrow.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " 09:00-17:00";
        var agent = staff("AGENT", null, hours);
        long caseId = CaseFixtures.openCase(admin, owner.customerId, "Wrong tyres", "I ordered winter tyres.");
        answer(agent, caseId);
        var nextStart = dayAfterTomorrow.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);

        var answer = ok(choose(owner, caseId, "PREVIOUS_AGENT", null));

        assertThat(answer.path("honoured").asBoolean()).isFalse();
        assertThat(Instant.parse(answer.path("availableFrom").asString())).isEqualTo(nextStart);
        assertThat(answer.path("message").asString())
                .contains("is not at work now and starts again on " + inBerlin(nextStart))
                .contains("Your case stays with our team");
        assertThat(admin.get("/api/v1/cases/" + caseId).json().path("assignee").isNull())
                .as("the case stays with its team")
                .isTrue();

        var waiting = ok(choose(owner, caseId, "PREVIOUS_AGENT", true));

        assertThat(waiting.path("honoured").asBoolean()).isFalse();
        assertThat(waiting.path("waiting").asBoolean()).isTrue();
        assertThat(waiting.path("message").asString())
                .contains("As you chose, your case waits for them")
                .contains("They will answer you from " + inBerlin(nextStart));
        var staffView = admin.get("/api/v1/cases/" + caseId).json();
        assertThat(staffView.path("assignee").asString()).isEqualTo(agent.username);
        assertThat(audit(staffView, "ESCALATED"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("detail").asString()).contains("chose to wait for them"));
    }

    @Test
    void anAgentAtCapacityIsNotGivenTheCase() {
        var owner = owner();
        var agent = staff("AGENT", null, ALWAYS);
        long caseId = CaseFixtures.openCase(admin, owner.customerId, "Rattle", "Something rattles at 80 km/h.");
        answer(agent, caseId);
        long elsewhere = CustomerFixtures.registerOwner(admin, UniqueNames.unique("Busy Queue Owner"));
        cases.importCases(Collections.nCopies(
                25,
                new ImportedCase(
                        elsewhere,
                        "Another case",
                        Channel.PORTAL,
                        Priority.NORMAL,
                        CaseStatus.OPEN,
                        agent.username,
                        null,
                        Set.of(),
                        Instant.now(),
                        List.of())));

        var answer = ok(choose(owner, caseId, "PREVIOUS_AGENT", null));

        assertThat(answer.path("honoured").asBoolean()).isFalse();
        assertThat(answer.path("message").asString())
                .contains("has too many cases just now")
                .contains("Your case stays with our team");
        assertThat(admin.get("/api/v1/cases/" + caseId).json().path("assignee").isNull())
                .isTrue();
    }

    @Test
    void withNobodyWhoAnsweredBeforeTheOwnerIsOfferedASupervisorOrTheTeam() {
        var owner = owner();
        long caseId = CaseFixtures.openCase(admin, owner.customerId, "First question", "Nobody answered yet.");

        var problem = assertProblem(choose(owner, caseId, "PREVIOUS_AGENT", null), 409);

        assertThat(problem.path("detail").asString())
                .contains("Nobody on our staff has answered you yet")
                .contains("ask for a supervisor, or leave your case with our team");
        assertThat(problem.path("offers").toString()).isEqualTo("[\"SUPERVISOR\",\"TEAM\"]");
    }

    @Test
    void aTeamSupervisorTakesTheCaseAndTheTeamTakesItBack() {
        var owner = owner();
        var team = UniqueNames.unique("team");
        var supervisor = staff("SUPERVISOR", team, ALWAYS);
        long caseId = openForTeam(owner, team);

        var asked = ok(choose(owner, caseId, "SUPERVISOR", null));

        assertThat(asked.path("honoured").asBoolean()).isTrue();
        assertThat(asked.path("responder").path("kind").asString()).isEqualTo("SUPERVISOR");
        assertThat(asked.path("message").asString()).contains(", a supervisor, has your case now");
        assertThat(admin.get("/api/v1/cases/" + caseId).json().path("assignee").asString())
                .isEqualTo(supervisor.username);

        var back = ok(choose(owner, caseId, "TEAM", null));

        assertThat(back.path("responder").path("name").asString()).isEqualTo("Our " + team + " team");
        var staffView = admin.get("/api/v1/cases/" + caseId).json();
        assertThat(staffView.path("assignee").isNull()).as("back with the team").isTrue();
        assertThat(audit(staffView, "ASSIGNED")).singleElement().satisfies(e -> {
            assertThat(e.path("actor").asString()).isEqualTo(owner.username);
            assertThat(e.path("detail").asString()).isEqualTo("Unassigned");
        });
    }

    @Test
    void askingAgainForTheSameChangesNothing() {
        var owner = owner();
        var team = UniqueNames.unique("team");
        staff("SUPERVISOR", team, ALWAYS);
        long caseId = openForTeam(owner, team);
        var first = ok(choose(owner, caseId, "SUPERVISOR", null));
        var before = admin.get("/api/v1/cases/" + caseId).json();

        var again = ok(choose(owner, caseId, "SUPERVISOR", null));
        ok(choose(owner, caseId, "SUPERVISOR", false));

        for (var field : List.of("responder", "honoured", "waiting", "message")) {
            assertThat(again.path(field)).as(field).isEqualTo(first.path(field));
        }
        var after = admin.get("/api/v1/cases/" + caseId).json();
        assertThat(after.path("audit")).as("no second assignment on the trail").isEqualTo(before.path("audit"));
        assertThat(after.path("messages")).as("no second note").isEqualTo(before.path("messages"));
        assertThat(audit(after, "ESCALATED")).hasSize(1);
    }

    @Test
    void anotherOwnersCaseIsNotFound() {
        var owner = owner();
        var stranger = owner();
        long caseId = CaseFixtures.openCase(admin, owner.customerId, "Mine", "Not yours.");

        assertProblem(choose(stranger, caseId, "SUPERVISOR", null), 404);
        assertThat(admin.get("/api/v1/cases/" + caseId).json().path("assignee").isNull())
                .isTrue();
    }

    @Test
    void aClosedCaseHasNobodyToChoose() {
        var owner = owner();
        long caseId = CaseFixtures.openCase(admin, owner.customerId, "Done", "All good now.");
        assertThat(admin.patch("/api/v1/cases/" + caseId, Map.of("status", "CLOSED"))
                        .status())
                .isEqualTo(200);

        var problem = assertProblem(choose(owner, caseId, "SUPERVISOR", null), 409);

        assertThat(problem.path("detail").asString()).contains("is closed");
    }

    @Test
    void aBadRequestIsRefusedSayingWhatIsWrong() {
        var owner = owner();
        long caseId = CaseFixtures.openCase(admin, owner.customerId, "Bad input", "Let us see.");
        var path = "/api/v1/me/cases/" + caseId + "/requested-responder";

        assertThat(assertProblem(owner.client.post(path, Map.of("responder", "CEO")), 400)
                        .path("detail")
                        .asString())
                .contains("responder must be one of PREVIOUS_AGENT, SUPERVISOR, TEAM");
        assertThat(assertProblem(owner.client.post(path, Map.of()), 400)
                        .path("detail")
                        .asString())
                .contains("responder");
        assertProblem(owner.client.send("POST", path, "{\"responder\":", "application/json"), 400);
        assertProblem(owner.client.post(path, Map.of("responder", "TEAM", "waitIfBusy", "often")), 400);
    }

    private record Person(String username, long customerId, ApiClient client) {}

    /** An owner in Berlin with a login. */
    private Person owner() {
        long customerId = CustomerFixtures.registerOwner(admin, UniqueNames.unique("Responder Owner"));
        assertThat(admin.patch("/api/v1/customers/" + customerId, Map.of("timeZone", BERLIN.getId()))
                        .status())
                .isEqualTo(200);
        var username = IdentityFixtures.createLogin(admin, "OWNER", customerId);
        return new Person(username, customerId, IdentityFixtures.signIn(port, username));
    }

    /** A staff login (its display name is its username) working {@code hours} in UTC. */
    private Person staff(String role, String team, String hours) {
        var username = UniqueNames.unique(role.toLowerCase(Locale.ROOT));
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("password", IdentityFixtures.PASSWORD);
        body.put("roles", List.of(role));
        if (team != null) {
            body.put("team", team);
        }
        var created = admin.post("/api/v1/users", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        users.changeWorkingHours(username, hours, "UTC");
        return new Person(username, 0, IdentityFixtures.signIn(port, username));
    }

    private long openForTeam(Person owner, String team) {
        var opened = admin.post(
                "/api/v1/cases",
                Map.of(
                        "customerId",
                        owner.customerId,
                        "subject",
                        "Delivery late",
                        "body",
                        "Where is my car?",
                        "channel",
                        "PORTAL",
                        "team",
                        team));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        return opened.id();
    }

    private void answer(Person agent, long caseId) {
        var reply = agent.client.post(
                "/api/v1/cases/" + caseId + "/messages", Map.of("body", "We are on it.", "visibility", "PUBLIC"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    private static ApiClient.Response choose(Person owner, long caseId, String responder, Boolean waitIfBusy) {
        var body = new LinkedHashMap<String, Object>();
        body.put("responder", responder);
        if (waitIfBusy != null) {
            body.put("waitIfBusy", waitIfBusy);
        }
        return owner.client.post("/api/v1/me/cases/" + caseId + "/requested-responder", body);
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static List<JsonNode> audit(JsonNode staffView, String action) {
        var entries = new ArrayList<JsonNode>();
        staffView.path("audit").forEach(e -> {
            if (e.path("action").asString().equals(action)) {
                entries.add(e);
            }
        });
        return entries;
    }

    private static List<String> internalNotes(JsonNode staffView) {
        var notes = new ArrayList<String>();
        staffView.path("messages").forEach(m -> {
            if (m.path("direction").asString().equals("INTERNAL")) {
                notes.add(m.path("body").asString());
            }
        });
        return notes;
    }

    /** As the owner reads a time: "Wednesday 25 November 2026 at 10:00 (Europe/Berlin)". */
    private static String inBerlin(Instant instant) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)
                        .format(instant.atZone(BERLIN))
                + " (Europe/Berlin)";
    }
}
