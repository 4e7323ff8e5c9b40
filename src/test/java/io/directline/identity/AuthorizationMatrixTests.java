package io.directline.identity;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.broadcast.BroadcastFixtures;
import io.directline.cases.CaseFixtures;
import io.directline.cases.SupportCase;
import io.directline.cases.attachment.AttachmentFixtures;
import io.directline.customer.CustomerFixtures;
import io.directline.escalation.EscalationFixtures;
import io.directline.sla.SlaFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.Caller;
import io.directline.testsupport.ScreenClient;
import io.directline.testsupport.UniqueNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API endpoint, called as every role and anonymously, over real HTTP. Each row of the matrix is
 * one endpoint with the roles allowed to call it; allowed callers send a valid request and get their
 * answer, everybody else gets 401 (not signed in) or 403 (signed in, wrong role) as a problem, and a
 * refused request changes nothing. The matrix must name every mapped {@code /api} endpoint, so a new
 * endpoint cannot ship without someone deciding who may call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class AuthorizationMatrixTests {

    /** Who may call an endpoint. */
    enum Access {
        SIGNED_IN(EnumSet.of(Caller.OWNER, Caller.AGENT, Caller.SUPERVISOR, Caller.EXECUTIVE, Caller.ADMIN)),
        OWNERS(EnumSet.of(Caller.OWNER)),
        STAFF(EnumSet.of(Caller.AGENT, Caller.SUPERVISOR, Caller.EXECUTIVE, Caller.ADMIN)),
        MANAGERS(EnumSet.of(Caller.SUPERVISOR, Caller.EXECUTIVE, Caller.ADMIN)),
        /** Those who work cases and may merge owners: not the executives. */
        MERGERS(EnumSet.of(Caller.AGENT, Caller.SUPERVISOR, Caller.ADMIN)),
        EXECUTIVE_OFFICE(EnumSet.of(Caller.EXECUTIVE, Caller.ADMIN)),
        /** Who keeps the journey's orders: supervisors and admins (staff read them). */
        ORDER_KEEPERS(EnumSet.of(Caller.SUPERVISOR, Caller.ADMIN)),
        /** Who writes manual entries in an owner's experience ledger: supervisors and admins (staff read it). */
        LEDGER_KEEPERS(EnumSet.of(Caller.SUPERVISOR, Caller.ADMIN)),
        ADMINS(EnumSet.of(Caller.ADMIN)),
        /** Everyone, signed in or not (the sign-in page). */
        PUBLIC(EnumSet.allOf(Caller.class));

        private final Set<Caller> callers;

        Access(Set<Caller> callers) {
            this.callers = callers;
        }

        boolean allows(Caller caller) {
            return callers.contains(caller);
        }
    }

    /** A concrete request for one cell. */
    record Request(String path, Object body) {}

    /** A request body sent as a {@code multipart/form-data} form with files, as an upload is. */
    record Upload(Map<String, String> fields, List<ApiClient.FilePart> files) {}

    /** A request body sent as {@code text/csv}, as a file of orders is imported. */
    record Csv(String text) {}

    /**
     * One endpoint: who may call it, what an allowed caller gets, a valid request for a caller, what else
     * an allowed caller's answer must show, and how to see that a refused request changed nothing.
     */
    public record Row(
            String method,
            String pattern,
            Access access,
            int success,
            Function<Cell, Request> request,
            BiConsumer<Cell, ApiClient.Response> answered,
            Consumer<Cell> refusedChangedNothing,
            String mediaType) {

        /** What else an allowed caller's answer must show. */
        Row withAnswer(BiConsumer<Cell, ApiClient.Response> check) {
            return new Row(method, pattern, access, success, request, check, refusedChangedNothing, mediaType);
        }

        /** How to see that a refused request created or removed nothing (besides the shared witness). */
        Row withRefusalCheck(Consumer<Cell> check) {
            return new Row(method, pattern, access, success, request, answered, check, mediaType);
        }

        /** The media type of an allowed caller's answer, when it is not JSON (a download). */
        Row producing(String type) {
            return new Row(method, pattern, access, success, request, answered, refusedChangedNothing, type);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static final List<Row> MATRIX = List.of(
            row(
                            "POST",
                            "/api/v1/owner-sign-in/codes",
                            Access.PUBLIC,
                            202,
                            c -> new Request(
                                    "/api/v1/owner-sign-in/codes",
                                    Map.of("handle", "matrix-" + c.tag + "@owners.example")))
                    .withAnswer((c, r) -> assertThat(r.json().path("message").asString())
                            .contains("If this e-mail address or phone number belongs to an owner")),
            row(
                            "POST",
                            "/api/v1/owner-sign-in/tokens",
                            Access.PUBLIC,
                            401,
                            c -> new Request(
                                    "/api/v1/owner-sign-in/tokens",
                                    Map.of("handle", "matrix-" + c.tag + "@owners.example", "code", "123456")))
                    .producing("application/problem+json")
                    .withAnswer((c, r) -> assertThat(r.json().path("detail").asString())
                            .as("anyone may try a code; a code never sent signs nobody in")
                            .contains("Ask for a new code")),
            row(
                            "POST",
                            "/api/v1/me/handles",
                            Access.OWNERS,
                            201,
                            c -> new Request(
                                    "/api/v1/me/handles",
                                    Map.of("kind", "EMAIL", "value", "added-" + c.tag + "@owners.example")))
                    .withAnswer((c, r) -> assertThat(r.json().path("verified").asBoolean())
                            .as("a handle is proven by its code, not by adding it")
                            .isFalse()),
            row(
                            "POST",
                            "/api/v1/me/handles/{id}/verify",
                            Access.OWNERS,
                            200,
                            c -> new Request(
                                    "/api/v1/me/handles/" + c.ownersFirstHandle() + "/verify",
                                    Map.of("code", "123456")))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("verified").asBoolean()).isTrue()),
            row("GET", "/api/v1/me", Access.OWNERS, 200, c -> at("/api/v1/me"))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("customerId").asLong()).isEqualTo(c.customerId())),
            row(
                    "PATCH",
                    "/api/v1/me",
                    Access.OWNERS,
                    200,
                    c -> new Request("/api/v1/me", Map.of("timeZone", "Europe/Berlin"))),
            row("GET", "/api/v1/customers", Access.STAFF, 200, c -> at("/api/v1/customers?name=Matrix")),
            row(
                            "POST",
                            "/api/v1/customers",
                            Access.STAFF,
                            201,
                            c -> new Request(
                                    "/api/v1/customers",
                                    Map.of("name", "Matrix " + c.tag, "email", c.tag + "@example.test")))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/customers?name=" + encode("Matrix " + c.tag))
                                    .json()
                                    .path("items")
                                    .isEmpty())
                            .as("no owner was registered")
                            .isTrue()),
            row("GET", "/api/v1/customers/{id}", Access.STAFF, 200, c -> at("/api/v1/customers/" + c.customerId()))
                    .withAnswer((c, r) -> {
                        assertThat(r.id()).isEqualTo(c.customerId());
                        assertThat(r.json().path("sections").toString()).contains("Matrix case");
                    }),
            row("GET", "/api/v1/find", Access.STAFF, 200, c -> at("/api/v1/find?q=" + reference(c.caseId())))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("items").toString()).contains("Matrix case")),
            row(
                    "PATCH",
                    "/api/v1/customers/{id}",
                    Access.STAFF,
                    200,
                    c -> new Request(
                            "/api/v1/customers/" + c.customerId(),
                            Map.of("lifetimeValue", 1200, "timeZone", "Europe/Oslo"))),
            row(
                            "GET",
                            "/api/v1/customers/{id}/experience",
                            Access.STAFF,
                            200,
                            c -> at("/api/v1/customers/" + c.customerId() + "/experience"))
                    .withAnswer((c, r) -> {
                        assertThat(r.json().path("customerId").asLong()).isEqualTo(c.customerId());
                        assertThat(r.json().path("explanation").asString()).isNotBlank();
                    }),
            row(
                            "POST",
                            "/api/v1/customers/{id}/experience/entries",
                            Access.LEDGER_KEEPERS,
                            201,
                            c -> new Request(
                                    "/api/v1/customers/" + c.ledgerOwner() + "/experience/entries",
                                    Map.of("sign", 1, "reason", "matrix " + c.tag)))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("note").asString()).isEqualTo("matrix " + c.tag))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/customers/" + c.ledgerOwner() + "/experience?size=100")
                                    .json()
                                    .path("entries")
                                    .toString())
                            .as("the refused entry was not recorded")
                            .doesNotContain("matrix " + c.tag)),
            row(
                    "GET",
                    "/api/v1/customers/{id}/surveys",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/customers/" + c.customerId() + "/surveys")),
            row(
                            "POST",
                            "/api/v1/survey-answers",
                            Access.PUBLIC,
                            201,
                            c -> new Request("/api/v1/survey-answers", Map.of("token", c.surveyToken(), "score", 5)))
                    .withAnswer(
                            (c, r) -> assertThat(r.json().path("score").asInt()).isEqualTo(5)),
            row(
                    "GET",
                    "/api/v1/customers/{id}/recoveries",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/customers/" + c.customerId() + "/recoveries")),
            row(
                    "GET",
                    "/api/v1/cases/{id}/recovery",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/cases/" + c.caseId() + "/recovery")),
            row("GET", "/api/v1/service-centers", Access.STAFF, 200, c -> at("/api/v1/service-centers")),
            row("GET", "/api/v1/service-centers/nearest", Access.STAFF, 200, c -> {
                        c.serviceCenter(); // the center is there before the question
                        return at("/api/v1/service-centers/nearest?lat=" + c.centerAt()[0] + "&lon=" + c.centerAt()[1]
                                + "&service=TYRES&limit=1");
                    })
                    .withAnswer((c, r) -> assertThat(
                                    r.json().get(0).path("centerId").asLong())
                            .isEqualTo(c.serviceCenter())),
            row(
                    "GET",
                    "/api/v1/service-centers/{id}",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/service-centers/" + c.serviceCenter())),
            row(
                            "POST",
                            "/api/v1/service-centers",
                            Access.ADMINS,
                            201,
                            c -> new Request("/api/v1/service-centers", c.newCenterBody()))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/service-centers")
                                    .body())
                            .as("no center was added")
                            .doesNotContain(c.tag)),
            row(
                            "PUT",
                            "/api/v1/service-centers/{id}",
                            Access.ADMINS,
                            200,
                            c -> new Request("/api/v1/service-centers/" + c.serviceCenter(), c.changedCenterBody()))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/service-centers/" + c.serviceCenter())
                                    .json()
                                    .path("vans")
                                    .asInt())
                            .as("the center is unchanged")
                            .isEqualTo(2)),
            row(
                            "POST",
                            "/api/v1/service-centers/{id}/appointments",
                            Access.STAFF,
                            201,
                            c -> new Request(
                                    "/api/v1/service-centers/" + c.serviceCenter() + "/appointments",
                                    Map.of("customerId", c.customerId(), "service", "TYRES", "day", c.visitDay())))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/customers/" + c.customerId() + "/appointments")
                                    .body())
                            .as("nothing was booked at the cell's center")
                            .doesNotContain("\"centerId\":" + c.serviceCenter() + ",")),
            row(
                    "GET",
                    "/api/v1/appointments/{id}",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/appointments/" + c.appointment())),
            row(
                            "POST",
                            "/api/v1/appointments/{id}/cancel",
                            Access.STAFF,
                            200,
                            c -> new Request("/api/v1/appointments/" + c.appointment() + "/cancel", null))
                    .withRefusalCheck(c ->
                            assertThat(c.appointmentStatus()).as("still booked").isEqualTo("BOOKED")),
            row(
                            "POST",
                            "/api/v1/appointments/{id}/reschedule",
                            Access.STAFF,
                            200,
                            c -> new Request(
                                    "/api/v1/appointments/" + c.appointment() + "/reschedule",
                                    Map.of("day", c.visitDay(), "dropOff", "10:00")))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/appointments/" + c.appointment())
                                    .json()
                                    .path("dropOff")
                                    .isNull())
                            .as("the visit did not move")
                            .isTrue()),
            row(
                            "POST",
                            "/api/v1/appointments/{id}/complete",
                            Access.STAFF,
                            200,
                            c -> new Request("/api/v1/appointments/" + c.appointment() + "/complete", null))
                    .withRefusalCheck(c ->
                            assertThat(c.appointmentStatus()).as("still booked").isEqualTo("BOOKED")),
            row(
                    "GET",
                    "/api/v1/customers/{id}/appointments",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/customers/" + c.customerId() + "/appointments")),
            row("GET", "/api/v1/playbooks", Access.MANAGERS, 200, c -> at("/api/v1/playbooks"))
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Broken promise")),
            row(
                            "PUT",
                            "/api/v1/playbooks/{name}",
                            Access.ADMINS,
                            200,
                            c -> new Request(
                                    "/api/v1/playbooks/" + c.tag,
                                    Map.of("trigger", "SERVICE_VISIT", "enabled", false, "apology", true)))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/playbooks")
                                    .body())
                            .as("no playbook was saved")
                            .doesNotContain(c.tag)),
            row(
                            "DELETE",
                            "/api/v1/playbooks/{name}",
                            Access.ADMINS,
                            204,
                            c -> at("/api/v1/playbooks/" + c.playbookToRemove()))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/playbooks")
                                    .body())
                            .as("the playbook is still there")
                            .contains(c.playbookToRemove())),
            row(
                            "POST",
                            "/api/v1/cases/{id}/goodwill",
                            Access.STAFF,
                            201,
                            c -> new Request(
                                    "/api/v1/cases/" + c.caseId() + "/goodwill",
                                    Map.of("amount", 25, "description", "Matrix voucher " + c.tag)))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/cases/" + c.caseId() + "/recovery")
                                    .body())
                            .as("no gesture was proposed")
                            .doesNotContain("Matrix voucher " + c.tag)),
            row(
                            "POST",
                            "/api/v1/goodwill/{id}/approve",
                            Access.LEDGER_KEEPERS,
                            200,
                            c -> new Request("/api/v1/goodwill/" + c.gesture("PROPOSED") + "/approve", null))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("status").asString()).isEqualTo("APPROVED"))
                    .withRefusalCheck(c ->
                            assertThat(c.gestureStatus(c.gesture("PROPOSED"))).isEqualTo("PROPOSED")),
            row(
                            "POST",
                            "/api/v1/goodwill/{id}/refuse",
                            Access.LEDGER_KEEPERS,
                            200,
                            c -> new Request("/api/v1/goodwill/" + c.gesture("TO_REFUSE") + "/refuse", null))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("status").asString()).isEqualTo("REFUSED"))
                    .withRefusalCheck(c ->
                            assertThat(c.gestureStatus(c.gesture("TO_REFUSE"))).isEqualTo("PROPOSED")),
            row(
                            "POST",
                            "/api/v1/goodwill/{id}/give",
                            Access.STAFF,
                            200,
                            c -> new Request("/api/v1/goodwill/" + c.gesture("APPROVED") + "/give", null))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("status").asString()).isEqualTo("GIVEN"))
                    .withRefusalCheck(c ->
                            assertThat(c.gestureStatus(c.gesture("APPROVED"))).isEqualTo("APPROVED")),
            row(
                    "GET",
                    "/api/v1/customers/{id}/merge-suggestions",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/customers/" + c.customerId() + "/merge-suggestions")),
            row(
                    "GET",
                    "/api/v1/customers/{id}/merges",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/customers/" + c.customerId() + "/merges")),
            row(
                            "POST",
                            "/api/v1/customers/{id}/merge",
                            Access.MERGERS,
                            200,
                            c -> new Request(
                                    "/api/v1/customers/" + c.mergePair()[0] + "/merge",
                                    Map.of("from", c.mergePair()[1], "reason", "one person, says the matrix")))
                    .withAnswer(
                            (c, r) -> assertThat(r.json().path("into").asLong()).isEqualTo(c.mergePair()[0]))
                    .withRefusalCheck(c -> assertThat(c.mergedInto(c.mergePair()[1]))
                            .as("the refused merge merged nothing")
                            .isNull()),
            row(
                            "POST",
                            "/api/v1/customers/{id}/merges/{mergeId}/undo",
                            Access.MERGERS,
                            200,
                            c -> at("/api/v1/customers/" + c.mergeToUndo()[0] + "/merges/" + c.mergeToUndo()[1]
                                    + "/undo"))
                    .withAnswer((c, r) ->
                            assertThat(c.mergedInto(c.mergeToUndo()[2])).isNull())
                    .withRefusalCheck(c -> assertThat(c.mergedInto(c.mergeToUndo()[2]))
                            .as("the refused undo left the merge standing")
                            .isEqualTo(c.mergeToUndo()[0])),
            row(
                            "POST",
                            "/api/v1/customers/{id}/merge-suggestions/{suggestionId}/dismiss",
                            Access.MERGERS,
                            200,
                            c -> at("/api/v1/customers/" + c.suggestionToDismiss()[0] + "/merge-suggestions/"
                                    + c.suggestionToDismiss()[1] + "/dismiss"))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("state").asString()).isEqualTo("DISMISSED"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/customers/" + c.suggestionToDismiss()[0] + "/merge-suggestions")
                                    .json()
                                    .path(0)
                                    .path("state")
                                    .asString())
                            .as("the refused dismissal left the suggestion open")
                            .isEqualTo("OPEN")),
            row("POST", "/api/v1/users", Access.ADMINS, 201, c -> new Request("/api/v1/users", agentLogin(c.tag)))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .admin
                                    .post("/api/v1/users", agentLogin(c.tag))
                                    .status())
                            .as("the refused login was not created, so an admin can still create it")
                            .isEqualTo(201)),
            row(
                            "GET",
                            "/api/v1/users/{username}/working-hours",
                            Access.ADMINS,
                            200,
                            c -> at("/api/v1/users/" + c.staffMember() + "/working-hours"))
                    .withAnswer(
                            (c, r) -> assertThat(r.json().path("defaultHours").asBoolean())
                                    .isTrue()),
            row(
                            "PUT",
                            "/api/v1/users/{username}/working-hours",
                            Access.ADMINS,
                            200,
                            c -> new Request(
                                    "/api/v1/users/" + c.staffMember() + "/working-hours",
                                    Map.of("hours", "SAT,SUN 10:00-14:00", "timeZone", "Europe/Oslo")))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("hours").asString()).isEqualTo("SAT,SUN 10:00-14:00"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .admin
                                    .get("/api/v1/users/" + c.staffMember() + "/working-hours")
                                    .json()
                                    .path("defaultHours")
                                    .asBoolean())
                            .as("the hours were not changed")
                            .isTrue()),
            row("GET", "/api/v1/tokens", Access.SIGNED_IN, 200, c -> at("/api/v1/tokens")),
            row(
                            "POST",
                            "/api/v1/tokens",
                            Access.SIGNED_IN,
                            201,
                            c -> new Request("/api/v1/tokens", Map.of("name", "matrix " + c.tag)))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("token").asString()).startsWith("dl_")),
            row("DELETE", "/api/v1/tokens/{id}", Access.SIGNED_IN, 204, c -> at("/api/v1/tokens/" + c.tokenOfCaller()))
                    .withRefusalCheck(c -> assertThat(
                                    each(c.fixture.admin.get("/api/v1/tokens").json(), "id"))
                            .as("the token was not revoked")
                            .contains(String.valueOf(c.tokenOfCaller()))),
            row("GET", "/api/v1/cases", Access.STAFF, 200, c -> at("/api/v1/cases?customerId=" + c.customerId()))
                    .withAnswer((c, r) ->
                            assertThat(each(r.json().path("items"), "id")).contains(String.valueOf(c.caseId()))),
            row(
                    "POST",
                    "/api/v1/cases",
                    Access.STAFF,
                    201,
                    c -> new Request(
                            "/api/v1/cases",
                            Map.of(
                                    "customerId",
                                    c.customerId(),
                                    "subject",
                                    "Opened by " + c.caller,
                                    "body",
                                    "Matrix case " + c.tag))),
            row("GET", "/api/v1/cases/{id}", Access.STAFF, 200, c -> at("/api/v1/cases/" + c.caseId()))
                    .withAnswer((c, r) -> assertThat(r.json().has("audit")).isTrue()),
            row(
                    "PATCH",
                    "/api/v1/cases/{id}",
                    Access.STAFF,
                    200,
                    c -> new Request(
                            "/api/v1/cases/" + c.caseId(), Map.of("priority", "HIGH", "tags", List.of("matrix")))),
            row(
                    "POST",
                    "/api/v1/cases/{id}/messages",
                    Access.STAFF,
                    201,
                    c -> new Request(
                            "/api/v1/cases/" + c.caseId() + "/messages",
                            Map.of("body", "Internal note by " + c.caller + " " + c.tag, "visibility", "INTERNAL"))),
            row(
                    "POST",
                    "/api/v1/cases/{id}/calls",
                    Access.STAFF,
                    201,
                    c -> new Request(
                            "/api/v1/cases/" + c.caseId() + "/calls",
                            Map.of(
                                    "direction",
                                    "OUTBOUND",
                                    "number",
                                    "+15550100",
                                    "durationSeconds",
                                    95,
                                    "notes",
                                    "Called back by " + c.caller + " " + c.tag))),
            row(
                    "GET",
                    "/api/v1/cases/{id}/messages/{messageId}",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/cases/" + c.caseId() + "/messages/" + c.messageId())),
            row(
                            "GET",
                            "/api/v1/cases/{id}/messages/{messageId}/original",
                            Access.STAFF,
                            200,
                            c -> at("/api/v1/cases/" + c.caseId() + "/messages/" + c.messageId() + "/original"))
                    .producing("message/rfc822")
                    .producing("message/rfc822")
                    .withAnswer((c, r) -> assertThat(r.body()).isEqualTo(Fixture.ORIGINAL)),
            row(
                            "GET",
                            "/api/v1/cases/{id}/attachments",
                            Access.STAFF,
                            200,
                            c -> at("/api/v1/cases/" + c.caseId() + "/attachments"))
                    .withAnswer((c, r) ->
                            assertThat(each(r.json(), "id")).contains(String.valueOf(c.fixture.attachmentId))),
            row(
                            "GET",
                            "/api/v1/cases/{id}/attachments/{attachmentId}",
                            Access.STAFF,
                            200,
                            c -> at("/api/v1/cases/" + c.caseId() + "/attachments/" + c.fixture.attachmentId))
                    .producing("image/jpeg"),
            row(
                            "GET",
                            "/api/v1/cases/{id}/attachments/{attachmentId}/thumbnail",
                            Access.STAFF,
                            200,
                            c -> at("/api/v1/cases/" + c.caseId() + "/attachments/" + c.fixture.attachmentId
                                    + "/thumbnail"))
                    .producing("image/jpeg"),
            row(
                            "POST",
                            "/api/v1/me/cases/{id}/attachments",
                            Access.OWNERS,
                            201,
                            c -> new Request(
                                    "/api/v1/me/cases/" + c.caseId() + "/attachments",
                                    new Upload(
                                            Map.of("body", "Photo by " + c.tag),
                                            List.of(new ApiClient.FilePart(
                                                    "file",
                                                    "photo.jpg",
                                                    "image/jpeg",
                                                    AttachmentFixtures.photo(16, 12))))))
                    .withAnswer((c, r) -> assertThat(each(r.json().path("attachments"), "fileName"))
                            .containsExactly("photo.jpg")),
            row(
                            "GET",
                            "/api/v1/me/cases/{id}/attachments",
                            Access.OWNERS,
                            200,
                            c -> at("/api/v1/me/cases/" + c.caseId() + "/attachments"))
                    .withAnswer((c, r) ->
                            assertThat(each(r.json(), "id")).contains(String.valueOf(c.fixture.attachmentId))),
            row(
                            "GET",
                            "/api/v1/me/cases/{id}/attachments/{attachmentId}",
                            Access.OWNERS,
                            200,
                            c -> at("/api/v1/me/cases/" + c.caseId() + "/attachments/" + c.fixture.attachmentId))
                    .producing("image/jpeg"),
            row(
                            "GET",
                            "/api/v1/me/cases/{id}/attachments/{attachmentId}/thumbnail",
                            Access.OWNERS,
                            200,
                            c -> at("/api/v1/me/cases/" + c.caseId() + "/attachments/" + c.fixture.attachmentId
                                    + "/thumbnail"))
                    .producing("image/jpeg"),
            row("GET", "/api/v1/me/cases", Access.OWNERS, 200, c -> at("/api/v1/me/cases"))
                    .withAnswer((c, r) -> assertThat(each(r.json().path("items"), "id"))
                            .as("the owner's own cases, and only those")
                            .contains(String.valueOf(c.caseId()))
                            .doesNotContain(String.valueOf(c.fixture.otherCaseId))),
            row(
                    "POST",
                    "/api/v1/me/cases",
                    Access.OWNERS,
                    201,
                    c -> new Request(
                            "/api/v1/me/cases", Map.of("subject", "Mine " + c.tag, "body", "Opened by myself."))),
            row("GET", "/api/v1/me/cases/{id}", Access.OWNERS, 200, c -> at("/api/v1/me/cases/" + c.caseId()))
                    .withAnswer((c, r) -> {
                        assertThat(r.id()).isEqualTo(c.caseId());
                        assertThat(r.json().has("audit")).isFalse();
                        assertThat(each(r.json().path("messages"), "direction"))
                                .as("internal notes stay internal")
                                .isNotEmpty()
                                .doesNotContain("INTERNAL");
                    }),
            row(
                    "POST",
                    "/api/v1/me/cases/{id}/messages",
                    Access.OWNERS,
                    201,
                    c -> new Request(
                            "/api/v1/me/cases/" + c.caseId() + "/messages", Map.of("body", "Owner writes " + c.tag))),
            row(
                            "POST",
                            "/api/v1/me/cases/{id}/requested-responder",
                            Access.OWNERS,
                            200,
                            c -> new Request(
                                    "/api/v1/me/cases/" + c.caseId() + "/requested-responder",
                                    Map.of("responder", "TEAM")))
                    .withAnswer((c, r) -> {
                        assertThat(r.json().path("honoured").asBoolean()).isTrue();
                        assertThat(r.json().path("responder").path("kind").asString())
                                .isEqualTo("TEAM");
                    }),
            row(
                            "POST",
                            "/api/v1/cases/{id}/promises",
                            Access.STAFF,
                            201,
                            c -> new Request("/api/v1/cases/" + c.caseId() + "/promises", c.promiseBody()))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("status").asString()).isEqualTo("OPEN"))
                    .withRefusalCheck(c -> assertThat(each(
                                    c.fixture
                                            .adminBearer
                                            .get("/api/v1/cases/" + c.caseId() + "/promises")
                                            .json()
                                            .path("items"),
                                    "description"))
                            .as("no promise was recorded")
                            .doesNotContain((String) c.promiseBody().get("description"))),
            row(
                            "GET",
                            "/api/v1/cases/{id}/promises",
                            Access.STAFF,
                            200,
                            c -> at("/api/v1/cases/" + c.caseId() + "/promises"))
                    .withAnswer((c, r) -> assertThat(each(r.json().path("items"), "id"))
                            .contains(String.valueOf(c.fixture.promiseId))),
            row(
                            "GET",
                            "/api/v1/cases/{id}/promises/{promiseId}",
                            Access.STAFF,
                            200,
                            c -> at("/api/v1/cases/" + c.caseId() + "/promises/" + c.fixture.promiseId))
                    .withAnswer((c, r) -> assertThat(r.id()).isEqualTo(c.fixture.promiseId)),
            row(
                            "POST",
                            "/api/v1/cases/{id}/promises/{promiseId}/kept",
                            Access.STAFF,
                            200,
                            c -> new Request(
                                    "/api/v1/cases/" + c.caseId() + "/promises/" + c.promiseToKeep() + "/kept",
                                    Map.of("message", "Kept by " + c.caller + " " + c.tag)))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("status").asString()).isEqualTo("KEPT"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/cases/" + c.caseId() + "/promises/" + c.promiseToKeep())
                                    .json()
                                    .path("status")
                                    .asString())
                            .as("the promise is still open")
                            .isEqualTo("OPEN")),
            row("GET", "/api/v1/sla-policies", Access.MANAGERS, 200, c -> at("/api/v1/sla-policies"))
                    .withAnswer((c, r) ->
                            assertThat(each(r.json().path("items"), "name")).contains("Standard")),
            row(
                            "POST",
                            "/api/v1/sla-policies",
                            Access.ADMINS,
                            201,
                            c -> new Request("/api/v1/sla-policies", c.slaPolicy()))
                    .withAnswer((c, r) -> {
                        assertThat(r.json().path("active").asBoolean()).isTrue();
                        // an active policy would apply to the cases of other tests
                        assertThat(c.fixture.admin.delete(r.header("Location")).status())
                                .isEqualTo(204);
                    })
                    .withRefusalCheck(c -> assertThat(each(
                                    c.fixture
                                            .adminBearer
                                            .get("/api/v1/sla-policies")
                                            .json()
                                            .path("items"),
                                    "name"))
                            .as("no policy was defined")
                            .doesNotContain((String) c.slaPolicy().get("name"))),
            row("GET", "/api/v1/sla-policies/{id}", Access.MANAGERS, 200, c -> at("/api/v1/sla-policies/1"))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("name").asString()).isEqualTo("Standard")),
            row(
                            "PUT",
                            "/api/v1/sla-policies/{id}",
                            Access.ADMINS,
                            200,
                            c -> new Request("/api/v1/sla-policies/" + c.retiredSlaPolicy(), c.slaPolicy()))
                    .withAnswer((c, r) -> assertThat(r.json().path("name").asString())
                            .isEqualTo(c.slaPolicy().get("name")))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/sla-policies/" + c.retiredSlaPolicy())
                                    .json()
                                    .path("name")
                                    .asString())
                            .as("the policy was not changed")
                            .startsWith("Retired ")),
            row(
                            "DELETE",
                            "/api/v1/sla-policies/{id}",
                            Access.ADMINS,
                            204,
                            c -> at("/api/v1/sla-policies/" + c.slaPolicyToRetire()))
                    .withAnswer((c, r) -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/sla-policies/" + c.slaPolicyToRetire())
                                    .json()
                                    .path("active")
                                    .asBoolean())
                            .isFalse())
                    .withRefusalCheck(c -> {
                        assertThat(c.fixture
                                        .adminBearer
                                        .get("/api/v1/sla-policies/" + c.slaPolicyToRetire())
                                        .json()
                                        .path("active")
                                        .asBoolean())
                                .as("the policy is still active")
                                .isTrue();
                        // an active policy would apply to the cases of other tests
                        c.fixture.admin.delete("/api/v1/sla-policies/" + c.slaPolicyToRetire());
                    }),
            row("GET", "/api/v1/reports/go-dark", Access.MANAGERS, 200, c -> at("/api/v1/reports/go-dark?weeks=4"))
                    .withAnswer((c, r) -> assertThat(r.json().path("weeks").size())
                            .as("one entry per week asked for")
                            .isEqualTo(4)),
            row(
                            "GET",
                            "/api/v1/reports/escalations",
                            Access.MANAGERS,
                            200,
                            c -> at("/api/v1/reports/escalations?from=2026-01-01&to=2026-03-31"))
                    .withAnswer((c, r) -> {
                        assertThat(r.json().path("from").asString()).isEqualTo("2026-01-01T00:00:00Z");
                        assertThat(r.json().path("outcomes").size())
                                .as("one entry per outcome")
                                .isEqualTo(6);
                    }),
            row(
                            "GET",
                            "/api/v1/reports/experience",
                            Access.MANAGERS,
                            200,
                            c -> at("/api/v1/reports/experience?from=2026-01-01&to=2026-03-31"))
                    .withAnswer((c, r) -> {
                        assertThat(r.json().path("from").asString()).isEqualTo("2026-01-01T00:00:00Z");
                        assertThat(r.json().path("balance").path("buckets").size())
                                .as("the histogram's seven buckets")
                                .isEqualTo(7);
                    }),
            row(
                            "GET",
                            "/api/v1/reports/delays",
                            Access.MANAGERS,
                            200,
                            c -> at("/api/v1/reports/delays?from=2026-01-01"))
                    .withAnswer((c, r) -> assertThat(r.json().has("hadToAsk"))
                            .as("the count of owners who had to ask")
                            .isTrue()),
            row(
                            "POST",
                            "/api/v1/reports/coverage",
                            Access.MANAGERS,
                            202,
                            c -> new Request("/api/v1/reports/coverage?k=2", Map.of()))
                    .withAnswer((c, r) -> assertThat(
                                    r.json().path("run").path("runId").asString())
                            .as("the run started, or the one running")
                            .isNotBlank()),
            row("GET", "/api/v1/reports/coverage", Access.MANAGERS, 200, c -> at("/api/v1/reports/coverage"))
                    .withAnswer((c, r) -> assertThat(r.json().has("last"))
                            .as("the last result (or null)")
                            .isTrue()),
            row(
                            "GET",
                            "/api/v1/reports/coverage/sites.geojson",
                            Access.MANAGERS,
                            200,
                            c -> at("/api/v1/reports/coverage/sites.geojson"))
                    .producing("application/geo+json")
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("type").asString()).isEqualTo("FeatureCollection")),
            row(
                            "GET",
                            "/api/v1/reports/coverage/regions.csv",
                            Access.MANAGERS,
                            200,
                            c -> at("/api/v1/reports/coverage/regions.csv"))
                    .producing("text/csv")
                    .withAnswer(
                            (c, r) -> assertThat(r.body()).startsWith("region,owners,p50_miles,p90_miles,max_miles")),
            row(
                            "GET",
                            "/api/v1/reports/service-visits",
                            Access.MANAGERS,
                            200,
                            c -> at("/api/v1/reports/service-visits"))
                    .withAnswer((c, r) -> assertThat(r.json().has("centers")).isTrue()),
            row(
                            "GET",
                            "/api/v1/me/cases/{id}/promises",
                            Access.OWNERS,
                            200,
                            c -> at("/api/v1/me/cases/" + c.caseId() + "/promises"))
                    .withAnswer((c, r) -> assertThat(each(r.json().path("items"), "id"))
                            .contains(String.valueOf(c.fixture.promiseId))),
            row("GET", "/api/v1/cases/{id}/sla", Access.STAFF, 200, c -> at("/api/v1/cases/" + c.caseId() + "/sla"))
                    .withAnswer((c, r) -> {
                        assertThat(r.json().path("policy").path("name").asString())
                                .isEqualTo("Standard");
                        assertThat(each(r.json().path("clocks"), "kind")).contains("FIRST_RESPONSE");
                    }),
            row("GET", "/api/v1/me/notifications", Access.STAFF, 200, c -> {
                        c.notificationToRead();
                        return at("/api/v1/me/notifications");
                    })
                    .withAnswer((c, r) -> assertThat(each(r.json().path("items"), "id"))
                            .as("the caller's own notification")
                            .contains(String.valueOf(c.notificationToRead()))),
            row(
                            "POST",
                            "/api/v1/me/notifications/{id}/read",
                            Access.STAFF,
                            204,
                            c -> at("/api/v1/me/notifications/" + c.notificationToRead() + "/read"))
                    .withAnswer((c, r) -> assertThat(each(
                                    c.fixture
                                            .clients
                                            .get(c.caller)
                                            .get("/api/v1/me/notifications")
                                            .json()
                                            .path("items"),
                                    "id"))
                            .as("the notification was read")
                            .doesNotContain(String.valueOf(c.notificationToRead())))
                    .withRefusalCheck(c -> assertThat(each(
                                    c.fixture
                                            .clients
                                            .get(Caller.AGENT)
                                            .get("/api/v1/me/notifications")
                                            .json()
                                            .path("items"),
                                    "id"))
                            .as("the agent's notification is still unread")
                            .contains(String.valueOf(c.notificationToRead()))),
            row(
                            "GET",
                            "/api/v1/me/cases/{id}/executive-escalation",
                            Access.OWNERS,
                            200,
                            c -> at("/api/v1/me/cases/" + c.caseId() + "/executive-escalation"))
                    .withAnswer(
                            (c, r) -> assertThat(r.json().path("canEscalate").asBoolean())
                                    .as("the case is younger than a day")
                                    .isFalse()),
            row(
                            "POST",
                            "/api/v1/me/cases/{id}/executive-escalation",
                            Access.OWNERS,
                            201,
                            c -> new Request(
                                    "/api/v1/me/cases/" + c.oldCase() + "/executive-escalation",
                                    Map.of("reason", EscalationFixtures.REASON)))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("state").asString()).isEqualTo("OPEN"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/cases/" + c.oldCase() + "/executive-escalations")
                                    .json()
                                    .path("escalations")
                                    .isEmpty())
                            .as("no escalation was made")
                            .isTrue()),
            row(
                    "GET",
                    "/api/v1/cases/{caseId}/executive-escalations",
                    Access.STAFF,
                    200,
                    c -> at("/api/v1/cases/" + c.caseId() + "/executive-escalations")),
            row(
                            "PUT",
                            "/api/v1/orders/{ref}",
                            Access.ORDER_KEEPERS,
                            201,
                            c -> new Request("/api/v1/orders/MX-" + c.tag, orderBody(c.customerId())))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("outcome").asString()).isEqualTo("CREATED"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/orders/MX-" + c.tag)
                                    .status())
                            .as("no order was stored")
                            .isEqualTo(404)),
            row("GET", "/api/v1/orders/{ref}", Access.STAFF, 200, c -> at("/api/v1/orders/" + c.order()))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("ref").asString()).isEqualTo(c.order())),
            row(
                            "POST",
                            "/api/v1/orders/{ref}/milestones/{milestone}/estimate",
                            Access.ORDER_KEEPERS,
                            200,
                            c -> new Request(
                                    "/api/v1/orders/" + c.order() + "/milestones/DELIVERED/estimate",
                                    Map.of("date", "2027-07-01", "reason", "The matrix moves it")))
                    .withAnswer((c, r) -> assertThat(c.deliveryEstimate()).isEqualTo("2027-07-01"))
                    .withRefusalCheck(c -> assertThat(c.deliveryEstimate())
                            .as("the estimate did not move")
                            .isEqualTo("2027-06-01")),
            row(
                            "POST",
                            "/api/v1/orders/import",
                            Access.ORDER_KEEPERS,
                            200,
                            c -> new Request(
                                    "/api/v1/orders/import",
                                    new Csv("ref,owner,model\nMI-" + c.tag + "," + c.customerId() + ",Aurora GT\n")))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("created").asLong()).isEqualTo(1))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/orders/MI-" + c.tag)
                                    .status())
                            .as("nothing was imported")
                            .isEqualTo(404)),
            row(
                            "GET",
                            "/api/v1/orders/imports/{id}/report",
                            Access.ORDER_KEEPERS,
                            200,
                            c -> at("/api/v1/orders/imports/" + c.importId() + "/report"))
                    .producing("text/csv")
                    .withAnswer((c, r) -> assertThat(r.body()).startsWith("line,ref,reason")),
            row(
                            "GET",
                            "/api/v1/executive-escalations",
                            Access.EXECUTIVE_OFFICE,
                            200,
                            c -> at("/api/v1/executive-escalations"))
                    .withAnswer((c, r) -> assertThat(r.json().has("items")).isTrue()),
            row(
                            "GET",
                            "/api/v1/executive-escalations/{id}",
                            Access.EXECUTIVE_OFFICE,
                            200,
                            c -> at("/api/v1/executive-escalations/" + c.openEscalation()))
                    .withAnswer((c, r) -> assertThat(r.id()).isEqualTo(c.openEscalation())),
            officeAction("approve", c -> c.pendingEscalation(), Map.of(), "PENDING_APPROVAL", "OPEN"),
            officeAction(
                    "refuse",
                    c -> c.pendingEscalation(),
                    Map.of("messageToOwner", "Your team is already handling this well."),
                    "PENDING_APPROVAL",
                    "CLOSED"),
            officeAction(
                    "answer",
                    c -> c.openEscalation(),
                    Map.of("body", "I will see to it personally."),
                    "OPEN",
                    "ANSWERED"),
            officeAction(
                    "hand-back",
                    c -> c.openEscalation(),
                    Map.of(
                            "team", "body-shop",
                            "instructions", "Replace the panel this week.",
                            "messageToOwner", "Our body shop will call you."),
                    "OPEN",
                    "HANDED_BACK"),
            officeAction("close", c -> c.openEscalation(), Map.of("note", "Sorted."), "OPEN", "CLOSED"),
            officeAction(
                    "frivolous", c -> c.openEscalation(), Map.of("note", "Asked for a free car wash."), "OPEN", "OPEN"),
            row(
                            "POST",
                            "/api/v1/broadcasts/preview",
                            Access.MANAGERS,
                            200,
                            c -> new Request(
                                    "/api/v1/broadcasts/preview", BroadcastFixtures.request(c.broadcastModel())))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("count").asLong()).isEqualTo(1)),
            row(
                            "POST",
                            "/api/v1/broadcasts",
                            Access.MANAGERS,
                            201,
                            c -> new Request("/api/v1/broadcasts", BroadcastFixtures.request(c.broadcastModel())))
                    .withRefusalCheck(c -> assertThat(c.broadcastsToModel())
                            .as("no broadcast was made")
                            .isZero()),
            row("GET", "/api/v1/broadcasts", Access.MANAGERS, 200, c -> at("/api/v1/broadcasts")),
            row("GET", "/api/v1/broadcasts/{id}", Access.MANAGERS, 200, c -> at("/api/v1/broadcasts/" + c.broadcast()))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("recipients").asLong()).isEqualTo(1)),
            row(
                            "POST",
                            "/api/v1/broadcasts/{id}/approve",
                            Access.MANAGERS,
                            200,
                            c -> new Request("/api/v1/broadcasts/" + c.broadcast() + "/approve", null))
                    .withAnswer((c, r) -> assertThat(r.json().path("approvedBy").asString())
                            .isEqualTo(c.fixture.usernames.get(c.caller)))
                    .withRefusalCheck(c -> assertThat(c.broadcastStatus())
                            .as("the broadcast still awaits approval")
                            .isEqualTo("AWAITING_APPROVAL")),
            row(
                            "POST",
                            "/api/v1/broadcasts/{id}/cancel",
                            Access.MANAGERS,
                            200,
                            c -> new Request("/api/v1/broadcasts/" + c.broadcast() + "/cancel", null))
                    .withAnswer((c, r) ->
                            assertThat(r.json().path("status").asString()).isEqualTo("CANCELLED"))
                    .withRefusalCheck(c -> assertThat(c.broadcastStatus())
                            .as("the broadcast still awaits approval")
                            .isEqualTo("AWAITING_APPROVAL")),
            row(
                            "POST",
                            "/api/v1/notes",
                            Access.EXECUTIVE_OFFICE,
                            201,
                            c -> new Request(
                                    "/api/v1/notes",
                                    Map.of(
                                            "customerIds",
                                            List.of(c.noteOwner()),
                                            "subject",
                                            "Matrix note " + c.tag,
                                            "body",
                                            "Personally, from the office.")))
                    .withAnswer((c, r) -> assertThat(c.noticesOfNoteOwner()).isEqualTo(1))
                    .withRefusalCheck(c -> assertThat(c.noticesOfNoteOwner())
                            .as("no note was sent")
                            .isZero()),
            row("GET", "/api/v1/notes", Access.EXECUTIVE_OFFICE, 200, c -> at("/api/v1/notes")));

    /** An executive-office action on an escalation: who may take it, and that a refusal left its state alone. */
    static Row officeAction(
            String action, Function<Cell, Long> escalation, Map<String, Object> body, String before, String after) {
        return row(
                        "POST",
                        "/api/v1/executive-escalations/{id}/" + action,
                        Access.EXECUTIVE_OFFICE,
                        200,
                        c -> new Request("/api/v1/executive-escalations/" + escalation.apply(c) + "/" + action, body))
                .withAnswer(
                        (c, r) -> assertThat(r.json().path("state").asString()).isEqualTo(after))
                .withRefusalCheck(c -> {
                    var e = c.fixture
                            .adminBearer
                            .get("/api/v1/executive-escalations/" + escalation.apply(c))
                            .json();
                    assertThat(e.path("state").asString())
                            .as("the escalation's state")
                            .isEqualTo(before);
                    assertThat(e.path("frivolous").asBoolean())
                            .as("marked frivolous")
                            .isFalse();
                });
    }

    /**
     * A screen request: the path, the form's fields (for a POST), the page the form is on, and the owner who sends it
     * when not the matrix owner (null).
     */
    record ScreenRequest(String path, Map<String, String> fields, String from, ScreenClient owner) {

        ScreenRequest(String path, Map<String, String> fields, String from) {
            this(path, fields, from, null);
        }
    }

    /**
     * One screen (a page, a part of a page that htmx loads, or a form): who may use it, what they get (200 for a page,
     * a redirect for a form), what else their answer must show, and how to see that a refused form changed nothing.
     * Refused callers get 403 when signed in, and the sign-in page when not.
     */
    record ScreenRow(
            String method,
            String pattern,
            Access access,
            int success,
            Function<Cell, ScreenRequest> request,
            BiConsumer<Cell, ScreenClient.Response> answered,
            Consumer<Cell> refusedChangedNothing,
            String contentType) {

        ScreenRow withAnswer(BiConsumer<Cell, ScreenClient.Response> check) {
            return new ScreenRow(method, pattern, access, success, request, check, refusedChangedNothing, contentType);
        }

        ScreenRow withRefusalCheck(Consumer<Cell> check) {
            return new ScreenRow(method, pattern, access, success, request, answered, check, contentType);
        }

        ScreenRow withSuccess(int status) {
            return new ScreenRow(
                    method, pattern, access, status, request, answered, refusedChangedNothing, contentType);
        }

        /** A download rather than a page: an allowed caller gets this media type instead of HTML. */
        ScreenRow producing(String mediaType) {
            return new ScreenRow(method, pattern, access, success, request, answered, refusedChangedNothing, mediaType);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static final List<ScreenRow> SCREENS = List.of(
            page("/", Access.SIGNED_IN, c -> "/").withSuccess(302),
            page("/login", Access.PUBLIC, c -> "/login"),
            page("/login/owner", Access.PUBLIC, c -> "/login/owner")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Owners: sign in with a code")),
            form(
                            "/login/owner",
                            Access.PUBLIC,
                            c -> new ScreenRequest(
                                    "/login/owner",
                                    Map.of("handle", "matrix-" + c.tag + "@owners.example"),
                                    "/login/owner"))
                    .withSuccess(200)
                    .withAnswer((c, r) -> assertThat(r.body()).contains("a sign-in code is on its way")),
            form(
                            "/login/owner/code",
                            Access.PUBLIC,
                            c -> new ScreenRequest(
                                    "/login/owner/code",
                                    Map.of("handle", "matrix-" + c.tag + "@owners.example", "code", "123456"),
                                    "/login/owner"))
                    .withSuccess(200)
                    .withAnswer((c, r) -> assertThat(r.body()).contains("This code is wrong, expired or already used")),
            page("/login/owner/link", Access.PUBLIC, c -> "/login/owner/link?t=" + "A".repeat(43)),
            form(
                            "/login/owner/link",
                            Access.PUBLIC,
                            c -> new ScreenRequest(
                                    "/login/owner/link", Map.of("t", "A".repeat(43)), "/login/owner/link"))
                    .withSuccess(200)
                    .withAnswer((c, r) -> assertThat(r.body()).contains("This link has expired or was already used")),
            form(
                            "/login/owner/link/claim",
                            Access.PUBLIC,
                            c -> new ScreenRequest(
                                    "/login/owner/link/claim", Map.of("t", "A".repeat(43)), "/login/owner/link"))
                    .withSuccess(200)
                    .withAnswer((c, r) -> assertThat(r.body()).contains("This link has expired or was already used")),
            form(
                            "/login/owner/link/code",
                            Access.PUBLIC,
                            c -> new ScreenRequest(
                                    "/login/owner/link/code",
                                    Map.of("t", "A".repeat(43), "code", "123456"),
                                    "/login/owner/link"))
                    .withSuccess(200)
                    .withAnswer((c, r) -> assertThat(r.body()).contains("This link has expired or was already used")),
            page("/portal/settings", Access.OWNERS, c -> "/portal/settings")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("How we know you")),
            form(
                    "/portal/settings",
                    Access.OWNERS,
                    c -> new ScreenRequest(
                            "/portal/settings",
                            Map.of("preferredChannel", "EMAIL", "timeZone", "Europe/Berlin", "language", "en"),
                            "/portal/settings")),
            form(
                    "/portal/settings/handles",
                    Access.OWNERS,
                    c -> new ScreenRequest(
                            "/portal/settings/handles",
                            Map.of("handle", "screen-added-" + c.tag + "@owners.example"),
                            "/portal/settings")),
            form(
                    "/portal/settings/handles/{id}/verify",
                    Access.OWNERS,
                    c -> new ScreenRequest(
                            "/portal/settings/handles/" + c.ownersFirstHandle() + "/verify",
                            Map.of("code", "123456"),
                            "/portal/settings")),
            page("/inbox", Access.STAFF, c -> "/inbox"),
            page("/inbox/rows", Access.STAFF, c -> "/inbox/rows?status=NEW&status=OPEN"),
            page("/notifications", Access.STAFF, c -> "/notifications"),
            page("/cases/{id}", Access.STAFF, c -> "/cases/" + c.caseId())
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Matrix case")),
            page("/customers/{id}", Access.STAFF, c -> "/customers/" + c.customerId())
                    .withAnswer((c, r) ->
                            assertThat(r.body()).contains("Matrix Owner").contains("Matrix case")),
            page("/find", Access.STAFF, c -> "/find?q=" + reference(c.caseId()))
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Matrix case")),
            page("/cases/{id}/sla", Access.STAFF, c -> "/cases/" + c.caseId() + "/sla"),
            page(
                            "/cases/{id}/attachments/{attachmentId}",
                            Access.STAFF,
                            c -> "/cases/" + c.caseId() + "/attachments/" + c.fixture.attachmentId)
                    .producing("image/jpeg"),
            page(
                            "/cases/{id}/attachments/{attachmentId}/thumbnail",
                            Access.STAFF,
                            c -> "/cases/" + c.caseId() + "/attachments/" + c.fixture.attachmentId + "/thumbnail")
                    .producing("image/jpeg"),
            page(
                            "/cases/{id}/messages/{messageId}/original",
                            Access.STAFF,
                            c -> "/cases/" + c.caseId() + "/messages/" + c.messageId() + "/original")
                    .producing("message/rfc822")
                    .withAnswer((c, r) -> assertThat(r.body()).isEqualTo(Fixture.ORIGINAL)),
            page("/cases/{id}/promises", Access.STAFF, c -> "/cases/" + c.caseId() + "/promises")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("We will call you back Friday.")),
            page(
                    "/cases/{id}/executive-escalation",
                    Access.STAFF,
                    c -> "/cases/" + c.caseId() + "/executive-escalation"),
            page("/portal", Access.OWNERS, c -> "/portal")
                    .withAnswer((c, r) -> assertThat(r.body())
                            .as("the owner's own cases, and only those")
                            .contains("Matrix case")
                            .doesNotContain("Not yours")),
            page("/portal/new", Access.OWNERS, c -> "/portal/new"),
            page("/portal/cases/{id}", Access.OWNERS, c -> "/portal/cases/" + c.caseId())
                    .withAnswer((c, r) -> assertThat(r.body()).contains("The case every role looks at.")),
            page(
                            "/portal/cases/{id}/attachments/{attachmentId}",
                            Access.OWNERS,
                            c -> "/portal/cases/" + c.caseId() + "/attachments/" + c.fixture.attachmentId)
                    .producing("image/jpeg"),
            page(
                            "/portal/cases/{id}/attachments/{attachmentId}/thumbnail",
                            Access.OWNERS,
                            c -> "/portal/cases/" + c.caseId() + "/attachments/" + c.fixture.attachmentId
                                    + "/thumbnail")
                    .producing("image/jpeg"),
            page("/portal/cases/{id}/promises", Access.OWNERS, c -> "/portal/cases/" + c.caseId() + "/promises")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("We will call you back Friday.")),
            page("/portal/cases/{id}/responder", Access.OWNERS, c -> "/portal/cases/" + c.caseId() + "/responder"),
            page(
                    "/portal/cases/{id}/executive-escalation",
                    Access.OWNERS,
                    c -> "/portal/cases/" + c.caseId() + "/executive-escalation"),
            page("/supervisor/go-dark", Access.MANAGERS, c -> "/supervisor/go-dark"),
            page("/supervisor/escalations", Access.MANAGERS, c -> "/supervisor/escalations"),
            page("/supervisor/delays", Access.MANAGERS, c -> "/supervisor/delays")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Had to ask")),
            page("/supervisor/delays/weeks.csv", Access.MANAGERS, c -> "/supervisor/delays/weeks.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) ->
                            assertThat(r.body()).startsWith("week_start,told_before_asking,had_to_ask,told_percent")),
            page("/supervisor/coverage", Access.MANAGERS, c -> "/supervisor/coverage")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Service coverage")),
            form(
                    "/supervisor/coverage",
                    Access.MANAGERS,
                    c -> new ScreenRequest("/supervisor/coverage", Map.of("k", "2"), "/supervisor/coverage")),
            page("/supervisor/coverage/progress", Access.MANAGERS, c -> "/supervisor/coverage/progress"),
            page("/supervisor/coverage/regions.csv", Access.MANAGERS, c -> "/supervisor/coverage/regions.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) -> assertThat(r.body()).startsWith("region,owners,p50_miles")),
            page("/supervisor/coverage/sites.geojson", Access.MANAGERS, c -> "/supervisor/coverage/sites.geojson")
                    .producing("application/geo+json")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("FeatureCollection")),
            page("/supervisor/dashboard", Access.MANAGERS, c -> "/supervisor/dashboard")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Executive dashboard")),
            page("/supervisor/dashboard/go-dark.csv", Access.MANAGERS, c -> "/supervisor/dashboard/go-dark.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) ->
                            assertThat(r.body()).startsWith("week_start,response_breaches,broken_promises,incidents")),
            page("/supervisor/dashboard/sla.csv", Access.MANAGERS, c -> "/supervisor/dashboard/sla.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) ->
                            assertThat(r.body()).startsWith("week_start,clocks_met,clocks_missed,compliance_percent")),
            page("/supervisor/dashboard/escalations.csv", Access.MANAGERS, c -> "/supervisor/dashboard/escalations.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) ->
                            assertThat(r.body()).startsWith("week_start,ladder_climbs,executive_requests,frivolous")),
            page("/supervisor/dashboard/at-risk.csv", Access.MANAGERS, c -> "/supervisor/dashboard/at-risk.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) -> assertThat(r.body())
                            .startsWith("value_at_risk_band,from_usd,below_usd,owners_at_risk,value_at_risk_usd")),
            page("/supervisor/dashboard/recovery.csv", Access.MANAGERS, c -> "/supervisor/dashboard/recovery.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) -> assertThat(r.body()).startsWith("week_start,started,recovered,lapsed,open")),
            page("/supervisor/dashboard/surveys.csv", Access.MANAGERS, c -> "/supervisor/dashboard/surveys.csv")
                    .producing("text/csv")
                    .withAnswer(
                            (c, r) -> assertThat(r.body())
                                    .startsWith(
                                            "week_start,csat_answers,satisfied,csat_percent,nps_answers,promoters,passives,detractors,nps")),
            page("/supervisor/dashboard/delays-told.csv", Access.MANAGERS, c -> "/supervisor/dashboard/delays-told.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) ->
                            assertThat(r.body()).startsWith("week_start,told_before_asking,had_to_ask,told_percent")),
            page("/supervisor/dashboard/channels.csv", Access.MANAGERS, c -> "/supervisor/dashboard/channels.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) -> assertThat(r.body()).startsWith("week_start,channel,cases_opened")),
            page(
                            "/supervisor/dashboard/balance-histogram.csv",
                            Access.MANAGERS,
                            c -> "/supervisor/dashboard/balance-histogram.csv")
                    .producing("text/csv")
                    .withAnswer((c, r) -> assertThat(r.body()).startsWith("balance_bucket,lowest,highest,owners")),
            page("/portal/orders", Access.OWNERS, c -> "/portal/orders")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("My orders")),
            page("/executive/escalations", Access.EXECUTIVE_OFFICE, c -> "/executive/escalations"),
            page("/supervisor/broadcasts", Access.MANAGERS, c -> "/supervisor/broadcasts"),
            page("/supervisor/broadcasts/new", Access.MANAGERS, c -> "/supervisor/broadcasts/new"),
            page("/supervisor/broadcasts/{id}", Access.MANAGERS, c -> "/supervisor/broadcasts/" + c.broadcast())
                    .withAnswer((c, r) -> assertThat(r.body()).contains("awaiting approval")),
            page(
                    "/supervisor/broadcasts/{id}/progress",
                    Access.MANAGERS,
                    c -> "/supervisor/broadcasts/" + c.broadcast() + "/progress"),
            page("/executive/notes", Access.EXECUTIVE_OFFICE, c -> "/executive/notes"),
            page("/portal/surveys", Access.OWNERS, c -> "/portal/surveys"),
            form(
                            "/portal/surveys/{id}",
                            Access.OWNERS,
                            c -> new ScreenRequest(
                                    "/portal/surveys/" + c.ownerSurvey(), Map.of("score", "4"), "/portal/surveys"))
                    .withRefusalCheck(c -> assertThat(c.surveyScore(c.ownerSurvey()))
                            .as("no answer recorded")
                            .isNull()),
            page("/survey/{token}", Access.PUBLIC, c -> "/survey/" + c.surveyToken() + "?score=5")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("How satisfied are you")),
            form(
                            "/survey/{token}",
                            Access.PUBLIC,
                            c -> new ScreenRequest(
                                    "/survey/" + c.surveyToken(), Map.of("score", "5"), "/survey/" + c.surveyToken()))
                    .withSuccess(200)
                    .withAnswer((c, r) -> assertThat(r.body()).contains("We recorded your answer")),
            page("/admin/service-centers", Access.ADMINS, c -> "/admin/service-centers?edit=" + c.serviceCenter())
                    .withAnswer((c, r) -> assertThat(r.body()).contains(c.centerName())),
            form(
                            "/admin/service-centers",
                            Access.ADMINS,
                            c -> new ScreenRequest(
                                    "/admin/service-centers",
                                    Map.of(
                                            "name", "Screen " + c.tag,
                                            "city", "Tulsa",
                                            "latitude", "36.15",
                                            "longitude", "-95.99",
                                            "timeZone", "America/Chicago",
                                            "hours_MONDAY", "08:00-18:00",
                                            "capacity_TYRES", "3"),
                                    "/admin/service-centers"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/service-centers")
                                    .body())
                            .doesNotContain("Screen " + c.tag)),
            page("/portal/service-visits", Access.OWNERS, c -> "/portal/service-visits?near=" + c.serviceCenter())
                    .withAnswer((c, r) -> assertThat(r.body()).contains(c.centerName())),
            form(
                            "/portal/service-visits",
                            Access.OWNERS,
                            c -> new ScreenRequest(
                                    "/portal/service-visits",
                                    Map.of(
                                            "center", String.valueOf(c.serviceCenter()),
                                            "service", "TYRES",
                                            "day", c.visitDay()),
                                    "/portal/service-visits"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/customers/" + c.customerId() + "/appointments")
                                    .body())
                            .doesNotContain("\"centerId\":" + c.serviceCenter() + ",")),
            form(
                            "/portal/service-visits/{id}/cancel",
                            Access.OWNERS,
                            c -> new ScreenRequest(
                                    "/portal/service-visits/" + c.appointment() + "/cancel",
                                    Map.of(),
                                    "/portal/service-visits"))
                    .withRefusalCheck(c ->
                            assertThat(c.appointmentStatus()).as("still booked").isEqualTo("BOOKED")),
            page(
                            "/customers/{id}/service-visits",
                            Access.STAFF,
                            c -> "/customers/" + c.customerId() + "/service-visits?near=" + c.serviceCenter())
                    .withAnswer((c, r) -> assertThat(r.body()).contains(c.centerName())),
            form(
                            "/customers/{id}/service-visits",
                            Access.STAFF,
                            c -> new ScreenRequest(
                                    "/customers/" + c.customerId() + "/service-visits",
                                    Map.of(
                                            "center", String.valueOf(c.serviceCenter()),
                                            "service", "TYRES",
                                            "day", c.visitDay()),
                                    "/customers/" + c.customerId() + "/service-visits"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/customers/" + c.customerId() + "/appointments")
                                    .body())
                            .doesNotContain("\"centerId\":" + c.serviceCenter() + ",")),
            form(
                            "/customers/{id}/service-visits/{visit}/cancel",
                            Access.STAFF,
                            c -> new ScreenRequest(
                                    "/customers/" + c.customerId() + "/service-visits/" + c.appointment() + "/cancel",
                                    Map.of(),
                                    "/customers/" + c.customerId() + "/service-visits"))
                    .withRefusalCheck(c ->
                            assertThat(c.appointmentStatus()).as("still booked").isEqualTo("BOOKED")),
            form(
                            "/customers/{id}/service-visits/{visit}/complete",
                            Access.STAFF,
                            c -> new ScreenRequest(
                                    "/customers/" + c.customerId() + "/service-visits/" + c.appointment() + "/complete",
                                    Map.of(),
                                    "/customers/" + c.customerId() + "/service-visits"))
                    .withRefusalCheck(c ->
                            assertThat(c.appointmentStatus()).as("still booked").isEqualTo("BOOKED")),
            page("/admin/playbooks", Access.ADMINS, c -> "/admin/playbooks")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Broken promise")),
            form(
                            "/admin/playbooks",
                            Access.ADMINS,
                            c -> new ScreenRequest(
                                    "/admin/playbooks",
                                    Map.of("name", "Screen " + c.tag, "trigger", "SERVICE_VISIT", "apology", "on"),
                                    "/admin/playbooks"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/playbooks")
                                    .body())
                            .doesNotContain("Screen " + c.tag))
                    .withAnswer((c, r) -> c.fixture.adminBearer.send(
                            "DELETE", "/api/v1/playbooks/Screen%20" + c.tag, null, null, Map.of())),
            form(
                            "/admin/playbooks/remove",
                            Access.ADMINS,
                            c -> new ScreenRequest(
                                    "/admin/playbooks/remove",
                                    Map.of("name", c.playbookToRemove()),
                                    "/admin/playbooks"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/playbooks")
                                    .body())
                            .contains(c.playbookToRemove())),
            page("/portal/notices", Access.OWNERS, c -> "/portal/notices"),
            form(
                            "/portal/notices/{id}/reply",
                            Access.OWNERS,
                            c -> new ScreenRequest(
                                    "/portal/notices/" + c.ownerNotice() + "/reply",
                                    Map.of("body", "Owner answers the notice " + c.tag, "key", c.tag),
                                    "/portal/notices"))
                    .withAnswer(
                            (c, r) -> assertThat(c.caseJson().path("messages").toString())
                                    .contains("Owner answers the notice " + c.tag)),
            form(
                            "/supervisor/broadcasts/preview",
                            Access.MANAGERS,
                            c -> new ScreenRequest(
                                    "/supervisor/broadcasts/preview",
                                    Map.of("model", c.broadcastModel()),
                                    "/supervisor/broadcasts/new"))
                    .withSuccess(200)
                    .withAnswer((c, r) -> assertThat(r.body()).contains("owners will get a personal notice")),
            form(
                            "/supervisor/broadcasts",
                            Access.MANAGERS,
                            c -> new ScreenRequest(
                                    "/supervisor/broadcasts",
                                    Map.of(
                                            "model",
                                            c.broadcastModel(),
                                            "subject",
                                            "Screen broadcast " + c.tag,
                                            "fullText",
                                            "Dear {firstName}, {orderRef} arrives on {newDate}."),
                                    "/supervisor/broadcasts/new"))
                    .withAnswer((c, r) -> assertThat(c.broadcastsToModel()).isEqualTo(1))
                    .withRefusalCheck(c -> assertThat(c.broadcastsToModel())
                            .as("no broadcast was made")
                            .isZero()),
            form(
                            "/supervisor/broadcasts/{id}/approve",
                            Access.MANAGERS,
                            c -> new ScreenRequest(
                                    "/supervisor/broadcasts/" + c.broadcast() + "/approve",
                                    Map.of(),
                                    "/supervisor/broadcasts/" + c.broadcast()))
                    .withAnswer((c, r) -> assertThat(c.broadcastStatus()).isNotEqualTo("AWAITING_APPROVAL"))
                    .withRefusalCheck(c -> assertThat(c.broadcastStatus())
                            .as("the broadcast still awaits approval")
                            .isEqualTo("AWAITING_APPROVAL")),
            form(
                            "/supervisor/broadcasts/{id}/cancel",
                            Access.MANAGERS,
                            c -> new ScreenRequest(
                                    "/supervisor/broadcasts/" + c.broadcast() + "/cancel",
                                    Map.of(),
                                    "/supervisor/broadcasts/" + c.broadcast()))
                    .withAnswer((c, r) -> assertThat(c.broadcastStatus()).isEqualTo("CANCELLED"))
                    .withRefusalCheck(c -> assertThat(c.broadcastStatus())
                            .as("the broadcast still awaits approval")
                            .isEqualTo("AWAITING_APPROVAL")),
            form(
                            "/executive/notes",
                            Access.EXECUTIVE_OFFICE,
                            c -> new ScreenRequest(
                                    "/executive/notes",
                                    Map.of(
                                            "owners",
                                            String.valueOf(c.noteOwner()),
                                            "subject",
                                            "Screen note " + c.tag,
                                            "body",
                                            "Personally, from the office."),
                                    "/executive/notes"))
                    .withAnswer((c, r) -> assertThat(c.noticesOfNoteOwner()).isEqualTo(1))
                    .withRefusalCheck(c -> assertThat(c.noticesOfNoteOwner())
                            .as("no note was sent")
                            .isZero()),
            page(
                            "/executive/escalations/{id}",
                            Access.EXECUTIVE_OFFICE,
                            c -> "/executive/escalations/" + c.openEscalation())
                    .withAnswer((c, r) -> assertThat(r.body()).contains(EscalationFixtures.REASON)),
            page("/admin/channels", Access.ADMINS, c -> "/admin/channels"),
            page("/admin/orders/import", Access.ADMINS, c -> "/admin/orders/import")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Order import")),
            form(
                            "/admin/orders/import",
                            Access.ADMINS,
                            c -> new ScreenRequest(
                                    "/admin/orders/import",
                                    Map.of(
                                            "csv",
                                            "ref,owner,model\nMS-" + c.tag + "," + c.customerId() + ",Aurora GT\n"),
                                    "/admin/orders/import"))
                    .withRefusalCheck(c -> assertThat(c.fixture
                                    .adminBearer
                                    .get("/api/v1/orders/MS-" + c.tag)
                                    .status())
                            .as("nothing was imported")
                            .isEqualTo(404)),
            page("/admin/orders/import/{id}", Access.ADMINS, c -> "/admin/orders/import/" + c.importId())
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Finished")),
            page(
                            "/admin/orders/import/{id}/progress",
                            Access.ADMINS,
                            c -> "/admin/orders/import/" + c.importId() + "/progress")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Finished")),
            page(
                            "/admin/orders/import/{id}/report",
                            Access.ADMINS,
                            c -> "/admin/orders/import/" + c.importId() + "/report")
                    .producing("text/csv"),
            page("/admin/sla-policies", Access.ADMINS, c -> "/admin/sla-policies")
                    .withAnswer((c, r) -> assertThat(r.body()).contains("Standard")),
            page("/admin/sla-policies/{id}", Access.ADMINS, c -> "/admin/sla-policies/1"),
            form(
                            "/cases/{id}/messages",
                            Access.STAFF,
                            c -> new ScreenRequest(
                                    "/cases/" + c.caseId() + "/messages",
                                    Map.of(
                                            "body",
                                            "Screen note by " + c.caller + " " + c.tag,
                                            "visibility",
                                            "INTERNAL"),
                                    "/cases/" + c.caseId()))
                    .withAnswer(
                            (c, r) -> assertThat(c.caseJson().path("messages").toString())
                                    .contains("Screen note by " + c.caller + " " + c.tag)),
            form(
                            "/cases/{id}",
                            Access.STAFF,
                            c -> new ScreenRequest(
                                    "/cases/" + c.caseId(), Map.of("tags", "matrix, " + c.tag), "/cases/" + c.caseId()))
                    .withAnswer((c, r) ->
                            assertThat(c.caseJson().path("tags").toString()).contains("\"" + c.tag + "\"")),
            form(
                            "/cases/{id}/promises",
                            Access.STAFF,
                            c -> new ScreenRequest(
                                    "/cases/" + c.caseId() + "/promises",
                                    Map.of(
                                            "description",
                                            "Screen promise " + c.tag,
                                            "dueAt",
                                            java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                                                    .plusDays(2)
                                                    .withNano(0)
                                                    .withSecond(0)
                                                    .toString(),
                                            "responsible",
                                            c.fixture.usernames.get(Caller.AGENT)),
                                    "/cases/" + c.caseId() + "/promises"))
                    .withAnswer((c, r) -> assertThat(c.promiseDescriptions()).contains("Screen promise " + c.tag))
                    .withRefusalCheck(c -> assertThat(c.promiseDescriptions())
                            .as("no promise was recorded")
                            .doesNotContain("Screen promise " + c.tag)),
            form(
                            "/cases/{id}/promises/{promiseId}/kept",
                            Access.STAFF,
                            c -> new ScreenRequest(
                                    "/cases/" + c.caseId() + "/promises/" + c.promiseToKeep() + "/kept",
                                    Map.of("message", "Kept on screen by " + c.caller + " " + c.tag),
                                    "/cases/" + c.caseId() + "/promises"))
                    .withAnswer((c, r) -> assertThat(c.promiseStatus()).isEqualTo("KEPT"))
                    .withRefusalCheck(c -> assertThat(c.promiseStatus())
                            .as("the promise is still open")
                            .isEqualTo("OPEN")),
            form(
                            "/notifications/{id}/read",
                            Access.STAFF,
                            c -> new ScreenRequest(
                                    "/notifications/" + c.notificationToRead() + "/read", Map.of(), "/inbox"))
                    .withAnswer((c, r) -> assertThat(each(
                                    c.fixture
                                            .clients
                                            .get(c.caller)
                                            .get("/api/v1/me/notifications")
                                            .json()
                                            .path("items"),
                                    "id"))
                            .as("the notification was read")
                            .doesNotContain(String.valueOf(c.notificationToRead())))
                    .withRefusalCheck(c -> assertThat(each(
                                    c.fixture
                                            .clients
                                            .get(Caller.AGENT)
                                            .get("/api/v1/me/notifications")
                                            .json()
                                            .path("items"),
                                    "id"))
                            .as("the agent's notification is still unread")
                            .contains(String.valueOf(c.notificationToRead()))),
            form(
                            "/portal/cases",
                            Access.OWNERS,
                            c -> new ScreenRequest(
                                    "/portal/cases",
                                    Map.of("subject", "Screen case " + c.tag, "body", "Opened on the portal."),
                                    "/portal/new"))
                    .withAnswer((c, r) -> assertThat(c.ownersSubjects()).contains("Screen case " + c.tag)),
            form(
                            "/portal/cases/{id}/messages",
                            Access.OWNERS,
                            c -> new ScreenRequest(
                                    "/portal/cases/" + c.caseId() + "/messages",
                                    Map.of("body", "Owner writes on screen " + c.tag),
                                    "/portal/cases/" + c.caseId()))
                    .withAnswer(
                            (c, r) -> assertThat(c.caseJson().path("messages").toString())
                                    .contains("Owner writes on screen " + c.tag)),
            form(
                    "/portal/cases/{id}/responder",
                    Access.OWNERS,
                    c -> new ScreenRequest(
                            "/portal/cases/" + c.caseId() + "/responder",
                            Map.of("responder", "TEAM"),
                            "/portal/cases/" + c.caseId())),
            form(
                            "/portal/cases/{id}/executive-escalation",
                            Access.OWNERS,
                            // an owner of its own: the matrix owner's escalation over the API starts a cool-down
                            c -> new ScreenRequest(
                                    "/portal/cases/" + c.screenOwnersOldCase() + "/executive-escalation",
                                    Map.of(
                                            "reason",
                                            EscalationFixtures.REASON,
                                            "domain",
                                            "service",
                                            "requestKey",
                                            c.tag),
                                    "/portal/cases/" + c.screenOwnersOldCase(),
                                    c.screenOwner))
                    .withAnswer((c, r) ->
                            assertThat(c.escalationsOf(c.screenOwnersOldCase())).isNotEmpty())
                    .withRefusalCheck(c -> assertThat(c.escalationsOf(c.screenOwnersOldCase()))
                            .as("no escalation was made")
                            .isEmpty()),
            form(
                            "/executive/escalations/{id}/{action}",
                            Access.EXECUTIVE_OFFICE,
                            c -> new ScreenRequest(
                                    "/executive/escalations/" + c.openEscalation() + "/close",
                                    Map.of("note", "Closed on screen " + c.tag),
                                    "/executive/escalations/" + c.openEscalation()))
                    .withAnswer((c, r) ->
                            assertThat(c.escalationState(c.openEscalation())).isEqualTo("CLOSED"))
                    .withRefusalCheck(c -> assertThat(c.escalationState(c.openEscalation()))
                            .as("the escalation's state")
                            .isEqualTo("OPEN")),
            form(
                            "/admin/sla-policies",
                            Access.ADMINS,
                            c -> new ScreenRequest("/admin/sla-policies", c.slaPolicyForm(), "/admin/sla-policies"))
                    .withAnswer((c, r) -> {
                        var made = c.slaPolicyNamed(c.slaPolicyForm().get("name"));
                        assertThat(made).as("the policy was defined").isNotNull();
                        // an active policy would apply to the cases of other tests
                        assertThat(c.fixture
                                        .admin
                                        .delete("/api/v1/sla-policies/" + made)
                                        .status())
                                .isEqualTo(204);
                    })
                    .withRefusalCheck(
                            c -> assertThat(c.slaPolicyNamed(c.slaPolicyForm().get("name")))
                                    .as("no policy was defined")
                                    .isNull()),
            form("/admin/sla-policies/{id}", Access.ADMINS, c -> {
                        var renamed = new LinkedHashMap<>(c.slaPolicyForm());
                        renamed.put("name", "Renamed on screen " + c.tag);
                        return new ScreenRequest(
                                "/admin/sla-policies/" + c.retiredSlaPolicy(),
                                renamed,
                                "/admin/sla-policies/" + c.retiredSlaPolicy());
                    })
                    .withAnswer((c, r) -> assertThat(c.slaPolicyJson(c.retiredSlaPolicy())
                                    .path("name")
                                    .asString())
                            .isEqualTo("Renamed on screen " + c.tag))
                    .withRefusalCheck(c -> assertThat(c.slaPolicyJson(c.retiredSlaPolicy())
                                    .path("name")
                                    .asString())
                            .as("the policy was not changed")
                            .startsWith("Retired ")),
            form(
                            "/admin/sla-policies/{id}/retire",
                            Access.ADMINS,
                            c -> new ScreenRequest(
                                    "/admin/sla-policies/" + c.slaPolicyToRetire() + "/retire",
                                    Map.of(),
                                    "/admin/sla-policies"))
                    .withAnswer((c, r) -> assertThat(c.slaPolicyJson(c.slaPolicyToRetire())
                                    .path("active")
                                    .asBoolean())
                            .isFalse())
                    .withRefusalCheck(c -> {
                        assertThat(c.slaPolicyJson(c.slaPolicyToRetire())
                                        .path("active")
                                        .asBoolean())
                                .as("the policy is still active")
                                .isTrue();
                        // an active policy would apply to the cases of other tests
                        c.fixture.admin.delete("/api/v1/sla-policies/" + c.slaPolicyToRetire());
                    }));

    /** A page: a GET that an allowed caller sees with 200. */
    static ScreenRow page(String pattern, Access access, Function<Cell, String> path) {
        return new ScreenRow(
                "GET",
                pattern,
                access,
                200,
                c -> new ScreenRequest(path.apply(c), null, null),
                (c, r) -> {},
                c -> {},
                "text/html");
    }

    /** A form: a POST that sends an allowed caller on (a redirect) with nothing refused. */
    static ScreenRow form(String pattern, Access access, Function<Cell, ScreenRequest> request) {
        return new ScreenRow("POST", pattern, access, 302, request, (c, r) -> {}, c -> {}, "text/html");
    }

    /**
     * What an owner may do on their own case, tried on another owner's case: each answers 404, as if the case did not
     * exist, and stores nothing.
     */
    record CrossOwnerRow(String method, String pattern, Function<Long, ScreenRequest> request, boolean api) {

        @Override
        public String toString() {
            return method + " " + pattern + " of another owner";
        }
    }

    static final List<CrossOwnerRow> CROSS_OWNER = List.of(
            new CrossOwnerRow(
                    "POST",
                    "/api/v1/me/cases/{id}/messages",
                    id -> new ScreenRequest("/api/v1/me/cases/" + id + "/messages", Map.of("body", "Let me in."), null),
                    true),
            new CrossOwnerRow(
                    "GET",
                    "/api/v1/me/cases/{id}/promises",
                    id -> new ScreenRequest("/api/v1/me/cases/" + id + "/promises", null, null),
                    true),
            new CrossOwnerRow(
                    "GET",
                    "/api/v1/me/cases/{id}",
                    id -> new ScreenRequest("/api/v1/me/cases/" + id, null, null),
                    true),
            new CrossOwnerRow(
                    "POST",
                    "/api/v1/me/cases/{id}/requested-responder",
                    id -> new ScreenRequest(
                            "/api/v1/me/cases/" + id + "/requested-responder", Map.of("responder", "TEAM"), null),
                    true),
            new CrossOwnerRow(
                    "GET", "/portal/cases/{id}", id -> new ScreenRequest("/portal/cases/" + id, null, null), false),
            new CrossOwnerRow(
                    "GET",
                    "/portal/cases/{id}/promises",
                    id -> new ScreenRequest("/portal/cases/" + id + "/promises", null, null),
                    false),
            new CrossOwnerRow(
                    "POST",
                    "/portal/cases/{id}/messages",
                    id -> new ScreenRequest(
                            "/portal/cases/" + id + "/messages", Map.of("body", "Let me in."), "/portal/cases/" + id),
                    false),
            new CrossOwnerRow(
                    "GET",
                    "/portal/cases/{id}/responder",
                    id -> new ScreenRequest("/portal/cases/" + id + "/responder", null, null),
                    false),
            new CrossOwnerRow(
                    "POST",
                    "/portal/cases/{id}/responder",
                    id -> new ScreenRequest(
                            "/portal/cases/" + id + "/responder", Map.of("responder", "TEAM"), "/portal/cases/" + id),
                    false));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Fixture fixture;

    @BeforeAll
    void createOneLoginPerRoleAndACase() {
        fixture = new Fixture(port, context);
    }

    static Stream<Arguments> cells() {
        return MATRIX.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> Arguments.of(row, caller)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void eachRoleGetsItsAnswer(Row row, Caller caller) {
        var cell = new Cell(fixture, caller);
        var request = row.request().apply(cell);
        int expected = row.access().allows(caller) ? row.success() : caller == Caller.ANONYMOUS ? 401 : 403;
        var witness = expected == row.success() ? null : fixture.witness();

        var client = fixture.clients.get(caller);
        var response = request.body() instanceof Upload upload
                ? client.multipart(request.path(), upload.fields(), upload.files())
                : request.body() instanceof Csv csv
                        ? client.send(row.method(), request.path(), csv.text(), "text/csv")
                        : client.send(
                                row.method(),
                                request.path(),
                                request.body() == null ? null : json(request.body()),
                                "application/json");

        if (expected == row.success()) {
            assertThat(response.status())
                    .as("%s as %s: %s", row, caller, response)
                    .isEqualTo(expected);
            if (expected != 204) {
                assertThat(response.contentType()).startsWith(row.mediaType());
            }
            row.answered().accept(cell, response);
        } else {
            assertProblem(response, expected);
            assertThat(fixture.witness())
                    .as("a refused request changes nothing")
                    .isEqualTo(witness);
            row.refusedChangedNothing().accept(cell);
        }
    }

    @Test
    void theMatrixHasARowForEveryApiEndpoint() {
        var handlerMapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    mapped.add("ANY " + pattern);
                }
                methods.forEach(m -> mapped.add(m.name() + " " + pattern));
            }
        }
        Set<String> rows = MATRIX.stream().map(Row::toString).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).as("the matrix names each endpoint once").hasSameSizeAs(MATRIX);

        var withoutRow = new TreeSet<>(mapped);
        withoutRow.removeAll(rows);
        assertThat(withoutRow)
                .as("API endpoints without a row in the authorization matrix: add one, deciding who may call it")
                .isEmpty();
        var withoutEndpoint = new TreeSet<>(rows);
        withoutEndpoint.removeAll(mapped);
        assertThat(withoutEndpoint)
                .as("rows for endpoints that no longer exist")
                .isEmpty();
        assertThat(mapped).as("sanity: the mapping was read").hasSizeGreaterThanOrEqualTo(MATRIX.size());
    }

    @Test
    void unknownApiPathsAreRefusedToo() {
        assertProblem(fixture.clients.get(Caller.ANONYMOUS).get("/api/v2/cases"), 401);
        assertProblem(fixture.clients.get(Caller.ADMIN).get("/api/v2/cases"), 403);
        assertProblem(fixture.clients.get(Caller.OWNER).get("/api/internal"), 403);
    }

    static Stream<Arguments> screenCells() {
        return SCREENS.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> Arguments.of(row, caller)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("screenCells")
    void eachRoleGetsItsScreen(ScreenRow row, Caller caller) {
        var cell = new Cell(fixture, caller);
        var request = row.request().apply(cell);
        boolean allowed = row.access().allows(caller);
        var witness = allowed ? null : fixture.screenWitness();
        var screen = caller == Caller.OWNER && request.owner() != null ? request.owner() : fixture.screens.get(caller);

        var response = row.method().equals("GET")
                ? screen.get(request.path())
                : screen.post(request.path(), request.fields(), request.from());

        if (allowed) {
            assertThat(response.status())
                    .as("%s as %s: %s", row, caller, response)
                    .isEqualTo(row.success());
            if (row.success() == 200) {
                assertThat(response.contentType()).startsWith(row.contentType());
            } else {
                assertThat(response.location())
                        .as("%s as %s leads on", row, caller)
                        .doesNotStartWith("/login");
            }
            if (row.method().equals("POST") && row.success() == 302) {
                var next = screen.get(response.location());
                assertThat(next.status())
                        .as("the page after %s as %s: %s", row, caller, next)
                        .isEqualTo(200);
                assertThat(next.body())
                        .as("the page after %s as %s shows no refusal", row, caller)
                        .doesNotContain("role=\"alert\"");
            }
            row.answered().accept(cell, response);
        } else {
            if (caller == Caller.ANONYMOUS) {
                assertThat(response.status())
                        .as("%s as %s: %s", row, caller, response)
                        .isEqualTo(302);
                assertThat(response.location()).as("%s as %s", row, caller).isEqualTo("/login");
            } else {
                assertThat(response.status())
                        .as("%s as %s: %s", row, caller, response)
                        .isEqualTo(403);
                assertThat(response.contentType()).startsWith("text/html");
                assertThat(response.body()).contains("That page is not for your role");
            }
            assertThat(fixture.screenWitness())
                    .as("a refused request changes nothing")
                    .isEqualTo(witness);
            row.refusedChangedNothing().accept(cell);
        }
    }

    @Test
    void theScreenMatrixHasARowForEveryScreen() {
        var handlerMapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")
                        || pattern.startsWith("/webhooks/")
                        || pattern.startsWith("/v3/")
                        || pattern.startsWith("/swagger")
                        || pattern.startsWith("/error")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    mapped.add("ANY " + pattern);
                }
                methods.forEach(m -> mapped.add(m.name() + " " + pattern));
            }
        }
        Set<String> rows = SCREENS.stream().map(ScreenRow::toString).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).as("the screen matrix names each screen once").hasSameSizeAs(SCREENS);
        var withoutRow = new TreeSet<>(mapped);
        withoutRow.removeAll(rows);
        assertThat(withoutRow)
                .as("screens without a row in the authorization matrix: add one, deciding who may use it")
                .isEmpty();
        var withoutScreen = new TreeSet<>(rows);
        withoutScreen.removeAll(mapped);
        assertThat(withoutScreen).as("rows for screens that no longer exist").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossOwnerRows")
    void anotherOwnersCaseIsNotFoundAndNothingIsStored(CrossOwnerRow row) {
        var request = row.request().apply(fixture.otherCaseId);
        var witness = fixture.otherCaseWitness();

        if (row.api()) {
            var response = fixture.clients
                    .get(Caller.OWNER)
                    .send(
                            row.method(),
                            request.path(),
                            request.fields() == null ? null : json(request.fields()),
                            "application/json");
            var problem = assertProblem(response, 404);
            assertThat(problem.path("detail").asString()).doesNotContain("Not yours");
        } else {
            var screen = fixture.screens.get(Caller.OWNER);
            var response = row.method().equals("GET")
                    ? screen.get(request.path())
                    : screen.post(request.path(), request.fields(), request.from());
            assertThat(response.status()).as("%s: %s", row, response).isEqualTo(404);
            assertThat(response.body())
                    .contains("We could not find that page")
                    .doesNotContain("Not yours")
                    .doesNotContain("Another owner's case.");
        }
        assertThat(fixture.otherCaseWitness())
                .as("nothing of the other owner's case changed")
                .isEqualTo(witness);
    }

    static Stream<CrossOwnerRow> crossOwnerRows() {
        return CROSS_OWNER.stream();
    }

    /**
     * One login per role, an owner with a case (with a first message, of which an e-mail original is kept), and
     * another owner's case.
     */
    public static final class Fixture {

        /** The raw e-mail kept for the first message, as the e-mail intake keeps one for a shortened text. */
        static final String ORIGINAL = "From: <matrix@owners.example>\r\nSubject: Matrix\r\n\r\nThe whole text.\r\n";

        final int port;
        final ApplicationContext context;
        public final ApiClient admin;
        final ApiClient adminBearer;
        public final Map<Caller, ApiClient> clients = new EnumMap<>(Caller.class);
        public final Map<Caller, String> usernames = new EnumMap<>(Caller.class);
        public final long customerId;
        public final long caseId;
        public final long messageId;
        /** A photo the agent sent the owner with an answer on the case. */
        public final long attachmentId;

        final long otherCaseId;
        public final long promiseId;
        final Map<Caller, ScreenClient> screens = new EnumMap<>(Caller.class);
        final JdbcTemplate jdbc;

        public Fixture(int port, ApplicationContext context) {
            this.port = port;
            this.context = context;
            this.admin = IdentityFixtures.admin(port);
            var issued = admin.post("/api/v1/tokens", Map.of("name", "matrix witness"));
            assertThat(issued.status()).as("%s", issued).isEqualTo(201);
            this.adminBearer =
                    ApiClient.bearer(port, issued.json().path("token").asString());

            this.customerId = CustomerFixtures.registerOwner(admin, "Matrix Owner");
            this.caseId = CaseFixtures.openCase(admin, customerId, "Matrix case", "The case every role looks at.");
            this.messageId = admin.get("/api/v1/cases/" + caseId)
                    .json()
                    .path("messages")
                    .get(0)
                    .path("id")
                    .asLong();
            context.getBean(JdbcClient.class)
                    .sql("insert into email_original (message_id, size_bytes, content, created_at) values (?, ?, ?, ?)")
                    .params(
                            messageId,
                            ORIGINAL.length(),
                            ORIGINAL.getBytes(StandardCharsets.UTF_8),
                            Timestamp.from(Instant.now()))
                    .update();
            var answered = admin.multipart(
                    "/api/v1/cases/" + caseId + "/messages",
                    Map.of("body", "A photo of the spare part."),
                    List.of(new ApiClient.FilePart(
                            "file", "part.jpg", "image/jpeg", AttachmentFixtures.photo(64, 48))));
            assertThat(answered.status()).as("%s", answered).isEqualTo(201);
            this.attachmentId =
                    answered.json().path("attachments").get(0).path("id").asLong();
            long otherCustomer = CustomerFixtures.registerOwner(admin, "Matrix Other");
            this.otherCaseId = CaseFixtures.openCase(admin, otherCustomer, "Not yours", "Another owner's case.");

            clients.put(Caller.ANONYMOUS, ApiClient.anonymous(port));
            screens.put(Caller.ANONYMOUS, ScreenClient.anonymous(port));
            for (var caller : Caller.values()) {
                if (caller == Caller.ANONYMOUS) {
                    continue;
                }
                var username =
                        IdentityFixtures.createLogin(admin, caller.name(), caller == Caller.OWNER ? customerId : null);
                usernames.put(caller, username);
                clients.put(caller, IdentityFixtures.signIn(port, username));
                screens.put(caller, ScreenClient.signedIn(port, username, IdentityFixtures.PASSWORD));
            }
            this.jdbc = context.getBean(JdbcTemplate.class);
            this.promiseId = newPromise("We will call you back Friday.");
        }

        /** An open promise on the case, due tomorrow, for the agent. */
        long newPromise(String description) {
            var made = admin.post("/api/v1/cases/" + caseId + "/promises", promise(description));
            assertThat(made.status()).as("%s", made).isEqualTo(201);
            return made.id();
        }

        Map<String, Object> promise(String description) {
            return Map.of(
                    "description",
                    description,
                    "dueAt",
                    Instant.now().plus(Duration.ofDays(1)).toString(),
                    "responsible",
                    usernames.get(Caller.AGENT));
        }

        /**
         * What a refused screen request must not change: what a refused API request must not, and the owner's choice of
         * who answers on the case.
         */
        List<Object> screenWitness() {
            return List.of(
                    witness(),
                    jdbc.queryForList(
                            "select kind, username, honoured, assigned from requested_responder where case_id = ?",
                            caseId));
        }

        /** The other owner's case as staff see it, its escalations and its owner's choice of who answers. */
        List<Object> otherCaseWitness() {
            return List.of(
                    adminBearer.get("/api/v1/cases/" + otherCaseId).json(),
                    adminBearer
                            .get("/api/v1/cases/" + otherCaseId + "/executive-escalations")
                            .json(),
                    adminBearer
                            .get("/api/v1/cases/" + otherCaseId + "/promises")
                            .json(),
                    jdbc.queryForList(
                            "select kind, username, honoured, assigned from requested_responder where case_id = ?",
                            otherCaseId));
        }

        /** What a refused request must not change: the case, the owner, and the owner's list of cases. */
        List<JsonNode> witness() {
            // the experience ledger hears of earlier cells' changes after their commit: let it finish first, so
            // what it writes later is not taken for the refused request's doing
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from event_publication where listener_id like"
                                            + " 'io.directline.experience.%'",
                                    Long.class)
                            == 0);
            return List.of(
                    adminBearer.get("/api/v1/cases/" + caseId).json(),
                    adminBearer.get("/api/v1/customers/" + customerId).json(),
                    adminBearer
                            .get("/api/v1/cases?size=100&customerId=" + customerId)
                            .json());
        }
    }

    /** One cell of the matrix: a caller, with a unique tag for whatever the request creates. */
    public static final class Cell {

        final Fixture fixture;
        final Caller caller;
        final String tag = UniqueNames.unique("matrix");
        private Long token;
        private Long promise;
        private Map<String, Object> promiseBody;
        private Map<String, Object> slaPolicy;
        private Long retiredSlaPolicy;
        private Long slaPolicyToRetire;
        private Long notification;
        private Long oldCase;
        private String staffMember;
        private Long openEscalation;
        private Long pendingEscalation;
        private Long screenOwnersCase;
        private ScreenClient screenOwner;

        public Cell(Fixture fixture, Caller caller) {
            this.fixture = fixture;
            this.caller = caller;
        }

        private String broadcastModel;
        private Long broadcast;
        private Long noteOwner;

        /** A model of this cell's own, ordered by one owner of its own. */
        String broadcastModel() {
            if (broadcastModel == null) {
                broadcastModel = "Matrix " + tag;
                long owner = CustomerFixtures.registerOwner(fixture.admin, "Broadcast " + tag);
                BroadcastFixtures.ordersOfModel(fixture.context, List.of(owner), broadcastModel, "matrix");
            }
            return broadcastModel;
        }

        /** A broadcast to this cell's model, made by the admin, awaiting approval. */
        long broadcast() {
            if (broadcast == null) {
                broadcast = BroadcastFixtures.create(fixture.admin, broadcastModel())
                        .path("id")
                        .asLong();
            }
            return broadcast;
        }

        String broadcastStatus() {
            return fixture.adminBearer
                    .get("/api/v1/broadcasts/" + broadcast())
                    .json()
                    .path("status")
                    .asString();
        }

        /** How many broadcasts go to this cell's model. */
        long broadcastsToModel() {
            var model = broadcastModel();
            long count = 0;
            for (var b : fixture.adminBearer
                    .get("/api/v1/broadcasts?limit=200")
                    .json()
                    .path("items")) {
                if (model.equals(b.path("segment").path("model").asString())) {
                    count++;
                }
            }
            return count;
        }

        private Long ownerNotice;

        /** A notice to the matrix's owner that names the matrix's case, as a personal note's does. */
        long ownerNotice() {
            if (ownerNotice == null) {
                var notices = fixture.context.getBean(io.directline.channel.Notices.class);
                var source = "matrix:" + tag;
                notices.queue(new io.directline.channel.Notice(
                        fixture.customerId,
                        source,
                        "Matrix notice " + tag,
                        "A notice the owner may answer.",
                        null,
                        "Direct Line",
                        fixture.caseId,
                        source));
                ownerNotice = notices.ofOwner(fixture.customerId, 100).stream()
                        .filter(n -> source.equals(n.source()))
                        .findFirst()
                        .orElseThrow()
                        .id();
            }
            return ownerNotice;
        }

        /** An owner of this cell's own for a personal note. */
        long noteOwner() {
            if (noteOwner == null) {
                noteOwner = CustomerFixtures.registerOwner(fixture.admin, "Note to " + tag);
            }
            return noteOwner;
        }

        int noticesOfNoteOwner() {
            return fixture.context
                    .getBean(io.directline.channel.Notices.class)
                    .ofOwner(noteOwner(), 10)
                    .size();
        }

        /** The id of the owner login's first handle (their e-mail address, proven since they were registered). */
        long ownersFirstHandle() {
            var me = fixture.clients.get(Caller.OWNER).get("/api/v1/me");
            return me.json().path("handles").get(0).path("id").asLong();
        }

        long customerId() {
            return fixture.customerId;
        }

        private long[] mergePair;
        private Long ledgerOwner;
        private long[] mergeToUndo;

        /** An owner of this cell's own, whose experience ledger it writes (the matrix owner's standing stays). */
        long ledgerOwner() {
            if (ledgerOwner == null) {
                ledgerOwner = CustomerFixtures.registerOwner(fixture.admin, "Ledger " + tag);
            }
            return ledgerOwner;
        }

        private Long serviceCenter;
        private double[] centerAt;
        private Long appointment;

        /** Where this cell's service center stands: a point in the ocean no other center is near. */
        double[] centerAt() {
            if (centerAt == null) {
                var random = java.util.concurrent.ThreadLocalRandom.current();
                centerAt = new double[] {-50 + random.nextDouble() * 20, -30 + random.nextDouble() * 20};
            }
            return centerAt;
        }

        String centerName() {
            return "Matrix center " + tag;
        }

        Map<String, Object> centerBody(String name, int vans) {
            var body = new HashMap<>(io.directline.servicecenter.ServiceCenterFixtures.center(
                    "Matrix", centerAt()[0], centerAt()[1], Map.of("TYRES", 50), List.of()));
            body.put("name", name);
            body.put("vans", vans);
            return body;
        }

        /** A service center of this cell's own, open Monday to Saturday, with 50 tyre seats a day. */
        long serviceCenter() {
            if (serviceCenter == null) {
                serviceCenter = io.directline.servicecenter.ServiceCenterFixtures.create(
                        fixture.admin, centerBody(centerName(), 2));
            }
            return serviceCenter;
        }

        Map<String, Object> newCenterBody() {
            return centerBody("New center " + tag, 1);
        }

        Map<String, Object> changedCenterBody() {
            serviceCenter();
            return centerBody(centerName(), 5);
        }

        /** The next day the cell's center is open (it is closed on Sundays). */
        String visitDay() {
            return io.directline.servicecenter.ServiceCenterFixtures.openDay();
        }

        /** A visit of the matrix owner at this cell's center, booked by the admin. */
        long appointment() {
            if (appointment == null) {
                var booked = fixture.admin.post(
                        "/api/v1/service-centers/" + serviceCenter() + "/appointments",
                        Map.of("customerId", customerId(), "service", "TYRES", "day", visitDay()));
                assertThat(booked.status()).as("book: %s", booked).isEqualTo(201);
                appointment = booked.id();
            }
            return appointment;
        }

        String appointmentStatus() {
            return fixture.adminBearer
                    .get("/api/v1/appointments/" + appointment())
                    .json()
                    .path("status")
                    .asString();
        }

        private String playbookToRemove;
        private final Map<String, Long> gestures = new java.util.HashMap<>();
        private Long ownerSurvey;

        /** A disabled playbook of this cell's own (so it takes no trigger from the others), to remove. */
        String playbookToRemove() {
            if (playbookToRemove == null) {
                playbookToRemove = "remove-" + tag;
                var saved = fixture.adminBearer.send(
                        "PUT",
                        "/api/v1/playbooks/" + playbookToRemove,
                        "{\"trigger\": \"SERVICE_VISIT\", \"enabled\": false}",
                        "application/json",
                        Map.of());
                assertThat(saved.status()).as("%s", saved).isEqualTo(200);
            }
            return playbookToRemove;
        }

        /**
         * A goodwill gesture of this cell's own on the matrix case: APPROVED (within the limit), or over the limit as
         * an agent proposes it, waiting for approval (PROPOSED, TO_REFUSE).
         */
        long gesture(String kind) {
            return gestures.computeIfAbsent(kind, k -> {
                var approved = k.equals("APPROVED");
                var proposer = approved ? fixture.adminBearer : fixture.clients.get(Caller.AGENT);
                var made = proposer.post(
                        "/api/v1/cases/" + caseId() + "/goodwill",
                        Map.of("amount", approved ? 20 : 900, "description", k + " " + tag));
                assertThat(made.status()).as("%s", made).isEqualTo(201);
                assertThat(made.json().path("status").asString()).isEqualTo(approved ? "APPROVED" : "PROPOSED");
                return made.json().path("id").asLong();
            });
        }

        String gestureStatus(long id) {
            return fixture.context
                    .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select status from goodwill_gesture where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
        }

        private String surveyToken;

        /** The token of a survey link of this cell's own (the matrix owner's, about a case of the cell's own). */
        String surveyToken() {
            if (surveyToken == null) {
                surveyToken = (tag.replaceAll("[^A-Za-z0-9]", "") + "x".repeat(32)).substring(0, 32);
                openSurvey(io.directline.testsupport.Hashes.sha256(surveyToken));
            }
            return surveyToken;
        }

        /** An open survey of the matrix owner about a resolved case of this cell's own. */
        long ownerSurvey() {
            if (ownerSurvey == null) {
                ownerSurvey = openSurvey("matrix-" + tag);
            }
            return ownerSurvey;
        }

        private long openSurvey(String tokenHash) {
            long surveyed = EscalationFixtures.oldCase(fixture.context, fixture.customerId, Duration.ofDays(1));
            var jdbc = fixture.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            var now = java.sql.Timestamp.from(java.time.Instant.now());
            jdbc.sql("insert into survey (customer_id, case_id, kind, channel, token_hash, sent_at, expires_at)"
                            + " values (:owner, :caseId, 'CSAT', 'EMAIL', :hash, :now, :expires)")
                    .param("owner", fixture.customerId)
                    .param("caseId", surveyed)
                    .param("hash", tokenHash)
                    .param("now", now)
                    .param(
                            "expires",
                            java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofDays(7))))
                    .update();
            return jdbc.sql("select id from survey where case_id = :caseId")
                    .param("caseId", surveyed)
                    .query(Long.class)
                    .single();
        }

        Integer surveyScore(long id) {
            return fixture
                    .context
                    .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select score from survey where id = :id")
                    .param("id", id)
                    .query((rs, n) -> (Integer) rs.getObject(1, Integer.class))
                    .list()
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }

        private long[] suggestionToDismiss;

        /** Two owners of this cell's own: {into, from}. */
        long[] mergePair() {
            if (mergePair == null) {
                mergePair = new long[] {
                    CustomerFixtures.registerOwner(fixture.admin, "Merge into " + tag),
                    CustomerFixtures.registerOwner(fixture.admin, "Merge from " + tag)
                };
            }
            return mergePair;
        }

        /** A merge made by an admin: {into, mergeId, from}. */
        long[] mergeToUndo() {
            if (mergeToUndo == null) {
                long into = CustomerFixtures.registerOwner(fixture.admin, "Undo into " + tag);
                long from = CustomerFixtures.registerOwner(fixture.admin, "Undo from " + tag);
                var merged = fixture.adminBearer.post(
                        "/api/v1/customers/" + into + "/merge", Map.of("from", from, "reason", "matrix undo"));
                assertThat(merged.status()).as("%s", merged).isEqualTo(200);
                mergeToUndo = new long[] {into, merged.id(), from};
            }
            return mergeToUndo;
        }

        /** An open merge suggestion: {owner, suggestionId}; the owner's message named the other's phone number. */
        long[] suggestionToDismiss() {
            if (suggestionToDismiss == null) {
                var phone = "+49" + (int) (1_000_000_000 + Math.random() * 899_999_999);
                var known = fixture.admin.post(
                        "/api/v1/customers",
                        Map.of("name", "Known " + tag, "email", tag + ".known@example.test", "phone", phone));
                assertThat(known.status()).as("%s", known).isEqualTo(201);
                long newcomer = CustomerFixtures.registerOwner(fixture.admin, "Newcomer " + tag);
                var made = fixture.context
                        .getBean(io.directline.customer.OwnerMerges.class)
                        .suggestFor(newcomer, "Call me on " + phone + " please.");
                assertThat(made).hasSize(1);
                suggestionToDismiss = new long[] {newcomer, made.get(0).id()};
            }
            return suggestionToDismiss;
        }

        /** Whom an owner was merged into, null while they stand on their own. */
        Long mergedInto(long owner) {
            var node =
                    fixture.adminBearer.get("/api/v1/customers/" + owner).json().path("mergedInto");
            return node.isNull() || node.isMissingNode() ? null : node.asLong();
        }

        /** A staff login of this cell's own, on the default working hours. */
        String staffMember() {
            if (staffMember == null) {
                staffMember = IdentityFixtures.createLogin(fixture.admin, "AGENT", null);
            }
            return staffMember;
        }

        /** A case of the matrix owner, three days old: old enough to take to an executive. */
        long oldCase() {
            if (oldCase == null) {
                oldCase = EscalationFixtures.oldCase(fixture.context, fixture.customerId, Duration.ofDays(3));
            }
            return oldCase;
        }

        /** An escalation with an executive, made by an owner of its own. */
        public long openEscalation() {
            if (openEscalation == null) {
                openEscalation = escalation(false);
            }
            return openEscalation;
        }

        /** An escalation awaiting approval: its owner was marked frivolous a month ago. */
        long pendingEscalation() {
            if (pendingEscalation == null) {
                pendingEscalation = escalation(true);
            }
            return pendingEscalation;
        }

        private long escalation(boolean frivolousRecord) {
            var owner = CustomerFixtures.owner(fixture.port, fixture.admin, "Escalating " + tag);
            if (frivolousRecord) {
                var earlier = EscalationFixtures.oldCase(fixture.context, owner.customerId(), Duration.ofDays(40));
                EscalationFixtures.frivolousHistory(fixture.context, owner.customerId(), earlier, Duration.ofDays(30));
            }
            var caseId = EscalationFixtures.oldCase(fixture.context, owner.customerId(), Duration.ofDays(3));
            var made = EscalationFixtures.escalate(owner.client(), caseId, EscalationFixtures.REASON);
            assertThat(made.status()).as("%s", made).isEqualTo(201);
            assertThat(made.json().path("state").asString()).isEqualTo(frivolousRecord ? "PENDING_APPROVAL" : "OPEN");
            return made.id();
        }

        long caseId() {
            return fixture.caseId;
        }

        /** The matrix case as staff see it over the API. */
        JsonNode caseJson() {
            return fixture.adminBearer.get("/api/v1/cases/" + caseId()).json();
        }

        List<String> promiseDescriptions() {
            return each(
                    fixture.adminBearer
                            .get("/api/v1/cases/" + caseId() + "/promises")
                            .json()
                            .path("items"),
                    "description");
        }

        String promiseStatus() {
            return fixture.adminBearer
                    .get("/api/v1/cases/" + caseId() + "/promises/" + promiseToKeep())
                    .json()
                    .path("status")
                    .asString();
        }

        List<String> ownersSubjects() {
            return each(
                    fixture.adminBearer
                            .get("/api/v1/cases?size=100&customerId=" + customerId())
                            .json()
                            .path("items"),
                    "subject");
        }

        JsonNode escalationsOf(long caseId) {
            return fixture.adminBearer
                    .get("/api/v1/cases/" + caseId + "/executive-escalations")
                    .json()
                    .path("escalations");
        }

        /** A case three days old of an owner of this cell's own, who is signed in on the screens as {@code screenOwner}. */
        long screenOwnersOldCase() {
            if (screenOwnersCase == null) {
                long customer = CustomerFixtures.registerOwner(fixture.admin, "Screen escalating " + tag);
                var username = IdentityFixtures.createLogin(fixture.admin, "OWNER", customer);
                screenOwner = ScreenClient.signedIn(fixture.port, username, IdentityFixtures.PASSWORD);
                screenOwnersCase = EscalationFixtures.oldCase(fixture.context, customer, Duration.ofDays(3));
            }
            return screenOwnersCase;
        }

        String escalationState(long id) {
            return fixture.adminBearer
                    .get("/api/v1/executive-escalations/" + id)
                    .json()
                    .path("state")
                    .asString();
        }

        JsonNode slaPolicyJson(long id) {
            return fixture.adminBearer.get("/api/v1/sla-policies/" + id).json();
        }

        /** The id of the policy with this name, or null. */
        Long slaPolicyNamed(String name) {
            for (var p : fixture.adminBearer.get("/api/v1/sla-policies").json().path("items")) {
                if (p.path("name").asString().equals(name)) {
                    return p.path("id").asLong();
                }
            }
            return null;
        }

        /** The screen's form for this cell's policy: the same as {@link #slaPolicy()}, as the form sends it. */
        Map<String, String> slaPolicyForm() {
            var form = new LinkedHashMap<String, String>();
            form.put("name", (String) slaPolicy().get("name"));
            form.put("channel", "MASTODON");
            form.put("priority", "LOW");
            form.put("tier", "VIP");
            form.put("firstResponse", "PT1H");
            form.put("timeZone", "UTC");
            form.put("aroundTheClock", "true");
            return form;
        }

        long messageId() {
            return fixture.messageId;
        }

        /** A new promise to record, the same for the request and the refusal check. */
        Map<String, Object> promiseBody() {
            if (promiseBody == null) {
                promiseBody = fixture.promise("Promised by " + caller + " " + tag);
            }
            return promiseBody;
        }

        /** An open promise of this cell's own, made by the admin, for the caller to keep. */
        long promiseToKeep() {
            if (promise == null) {
                promise = fixture.newPromise("To keep " + tag);
            }
            return promise;
        }

        /** A new SLA policy to define, only for Mastodon cases of low priority and VIP owners. */
        Map<String, Object> slaPolicy() {
            if (slaPolicy == null) {
                slaPolicy = Map.of(
                        "name",
                        "Matrix " + caller + " " + tag,
                        "channel",
                        "MASTODON",
                        "priority",
                        "LOW",
                        "tier",
                        "VIP",
                        "targets",
                        Map.of("firstResponse", "PT1H"));
            }
            return slaPolicy;
        }

        /** A retired SLA policy of this cell's own, defined by the admin, for the caller to change. */
        long retiredSlaPolicy() {
            if (retiredSlaPolicy == null) {
                retiredSlaPolicy = defineSlaPolicy("Retired " + tag);
                assertThat(fixture.admin
                                .delete("/api/v1/sla-policies/" + retiredSlaPolicy)
                                .status())
                        .isEqualTo(204);
            }
            return retiredSlaPolicy;
        }

        /** An active SLA policy of this cell's own, defined by the admin, for the caller to retire. */
        long slaPolicyToRetire() {
            if (slaPolicyToRetire == null) {
                slaPolicyToRetire = defineSlaPolicy("To retire " + tag);
            }
            return slaPolicyToRetire;
        }

        private long defineSlaPolicy(String name) {
            var body = new HashMap<>(slaPolicy());
            body.put("name", name);
            var made = fixture.admin.post("/api/v1/sla-policies", body);
            assertThat(made.status()).as("%s", made).isEqualTo(201);
            return made.id();
        }

        /**
         * An unread notification about the case, created for this cell: the caller's own when staff, else the
         * agent's (which a refused caller must leave unread).
         */
        long notificationToRead() {
            if (notification == null) {
                var owner = Access.STAFF.allows(caller) ? caller : Caller.AGENT;
                notification = SlaFixtures.staffNotification(
                        fixture.context, fixture.usernames.get(owner), caseId(), "Matrix " + tag + " is yours now.");
            }
            return notification;
        }

        private String order;
        private String importId;

        /** An order of the matrix owner, stored by the admin for this cell, promised for delivery on 2027-06-01. */
        String order() {
            if (order == null) {
                order = "MO-" + tag;
                var stored = fixture.adminBearer.put("/api/v1/orders/" + order, orderBody(customerId()));
                assertThat(stored.status()).as("%s", stored).isEqualTo(201);
            }
            return order;
        }

        String deliveryEstimate() {
            return fixture.adminBearer
                    .get("/api/v1/orders/" + order())
                    .json()
                    .path("milestones")
                    .get(0)
                    .path("estimate")
                    .asString();
        }

        /** An import of one order, made by the admin for this cell. */
        String importId() {
            if (importId == null) {
                var run = fixture.adminBearer.send(
                        "POST",
                        "/api/v1/orders/import",
                        "ref,owner,model\nMR-" + tag + "," + customerId() + ",Aurora GT\n",
                        "text/csv");
                assertThat(run.status()).as("%s", run).isEqualTo(200);
                importId = run.json().path("id").asString();
            }
            return importId;
        }

        /** A token of the caller's own (the admin's, for an anonymous caller), issued for this cell. */
        long tokenOfCaller() {
            if (token == null) {
                var issuer = caller == Caller.ANONYMOUS ? fixture.admin : fixture.clients.get(caller);
                var issued = issuer.post("/api/v1/tokens", Map.of("name", "to revoke " + tag));
                assertThat(issued.status()).as("%s", issued).isEqualTo(201);
                token = issued.id();
            }
            return token;
        }
    }

    private static Row row(String method, String pattern, Access access, int success, Function<Cell, Request> request) {
        return new Row(
                method, pattern, access, success, request, (cell, response) -> {}, cell -> {}, "application/json");
    }

    private static Map<String, Object> orderBody(long customerId) {
        return Map.of(
                "customerId",
                customerId,
                "model",
                "Aurora GT",
                "milestones",
                Map.of("DELIVERED", Map.of("promised", "2027-06-01")));
    }

    private static Map<String, Object> agentLogin(String username) {
        return Map.of("username", username, "password", IdentityFixtures.PASSWORD, "roles", List.of("AGENT"));
    }

    /** A request without a body. */
    private static Request at(String path) {
        return new Request(path, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    private static String reference(long caseId) {
        return SupportCase.reference(caseId);
    }
}
