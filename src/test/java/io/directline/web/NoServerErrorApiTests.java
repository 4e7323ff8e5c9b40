package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.identity.AuthorizationMatrixTests;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.ApiResponses;
import io.directline.testsupport.Caller;
import io.directline.testsupport.UniqueNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * No input makes the API fail with a 5xx. The walk reads the application's own OpenAPI document and sends every
 * operation malformed, boundary and oversized input — wrong JSON types, missing and null fields, huge and negative
 * numbers, unknown enum values, bad dates and durations, 100 KB strings, unknown sort keys, bodies that are not
 * JSON, bad path ids — as every role and anonymously. Every answer must be below 500, and every refusal a problem
 * ({@code application/problem+json}) with a sentence in {@code detail}.
 *
 * <p>Each malformation changes one thing in an otherwise plausible request, so it reaches the check it aims at
 * instead of being refused earlier for something else. No operation is left out: each can be sent bad input
 * without harming the walk, since bodies and ids point at this test's own fixture (a retired SLA policy, the
 * fixture's case), and the SLA policies a valid variant happens to define are retired afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoServerErrorApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A JSON token written as it is (a number too large for any Java type), not as a string. */
    private static final String RAW = "@@raw@@";

    private static final Pattern RAW_TOKEN = Pattern.compile("\"" + RAW + "(.*?)" + RAW + "\"");
    private static final String HUNDRED_KB = "x".repeat(100 * 1024);
    /** A caller refused an operation gets every this many of its probes. */
    private static final int REFUSED_SAMPLE = 8;

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private AuthorizationMatrixTests.Fixture fixture;
    private final Map<Caller, ApiClient> callers = new EnumMap<>(Caller.class);
    private long retiredPolicy;
    private long escalation;
    private long serviceCenter;
    private long appointment;
    private Set<String> policiesBefore;

    /** One request of the walk: what it breaks, and how. */
    record Probe(String method, String template, String variant, String path, String body, String contentType) {}

    /** An answer that breaks the rule: a 5xx, or a refusal that is not a problem with a sentence. */
    record Finding(Probe probe, Caller caller, int status, String contentType, String body) {

        @Override
        public String toString() {
            return status + " " + probe.method() + " " + probe.template() + " [" + probe.variant() + "] as " + caller
                    + ": " + contentType + " "
                    + (body == null ? "" : body.substring(0, Math.min(240, body.length())));
        }
    }

    @BeforeAll
    void signInEveryRole() {
        fixture = new AuthorizationMatrixTests.Fixture(port, context);
        callers.put(Caller.ANONYMOUS, ApiClient.anonymous(port));
        for (var caller : Caller.values()) {
            if (caller != Caller.ANONYMOUS) {
                // a token rather than the password: a slow hash on each of thousands of requests would dominate
                var issued = fixture.clients.get(caller).post("/api/v1/tokens", Map.of("name", "no server error"));
                assertThat(issued.status()).as("%s", issued).isEqualTo(201);
                callers.put(
                        caller,
                        ApiClient.bearer(port, issued.json().path("token").asString()));
            }
        }
        policiesBefore = policyIds();
        var policy = fixture.admin.post(
                "/api/v1/sla-policies",
                Map.of(
                        "name",
                        UniqueNames.unique("No server error"),
                        "channel",
                        "MASTODON",
                        "priority",
                        "LOW",
                        "tier",
                        "VIP",
                        "targets",
                        Map.of("firstResponse", "PT1H")));
        assertThat(policy.status()).as("%s", policy).isEqualTo(201);
        retiredPolicy = policy.id();
        assertThat(fixture.admin.delete("/api/v1/sla-policies/" + retiredPolicy).status())
                .isEqualTo(204);
        escalation = new AuthorizationMatrixTests.Cell(fixture, Caller.ADMIN).openEscalation();
        serviceCenter = io.directline.servicecenter.ServiceCenterFixtures.create(
                fixture.admin,
                io.directline.servicecenter.ServiceCenterFixtures.center(
                        "No server error", -55.5, 100.5, Map.of("TYRES", 500), List.of()));
        var visit = fixture.admin.post(
                "/api/v1/service-centers/" + serviceCenter + "/appointments",
                Map.of(
                        "customerId",
                        fixture.customerId,
                        "service",
                        "TYRES",
                        "day",
                        io.directline.servicecenter.ServiceCenterFixtures.openDay()));
        assertThat(visit.status()).as("%s", visit).isEqualTo(201);
        appointment = visit.id();
    }

    /** Retires the SLA policies a valid variant happened to define, so they apply to nobody else's cases. */
    @AfterAll
    void retireThePoliciesTheWalkDefined() {
        var defined = policyIds();
        defined.removeAll(policiesBefore);
        defined.forEach(id -> fixture.admin.delete("/api/v1/sla-policies/" + id));
    }

    @Test
    void noInputGetsA5xxAndEveryRefusalIsAProblemWithASentence() throws InterruptedException {
        var document = fixture.admin.get("/v3/api-docs");
        assertThat(document.status()).as("the OpenAPI document: %s", document).isEqualTo(200);
        var api = document.json();
        List<Probe> probes = new ArrayList<>();
        Set<String> documented = new HashSet<>();
        for (var path : api.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                probes.addAll(probes(
                        api,
                        operation.getKey().toUpperCase(),
                        path.getKey(),
                        operation.getValue(),
                        path.getValue().path("parameters")));
            }
        }
        assertThat(documented)
                .as("every API endpoint (a row of the authorization matrix) is documented, so the walk reaches it")
                .containsAll(AuthorizationMatrixTests.MATRIX.stream()
                        .map(AuthorizationMatrixTests.Row::toString)
                        .toList());

        var findings = new ConcurrentLinkedQueue<Finding>();
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        var sent = new AtomicInteger();
        var byOperation = probes.stream()
                .collect(Collectors.groupingBy(
                        p -> p.method() + " " + p.template(), LinkedHashMap::new, Collectors.toList()));
        long started = System.nanoTime();
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (var caller : Caller.values()) {
                var client = callers.get(caller);
                for (var operation : byOperation.values()) {
                    pool.submit(() -> {
                        // a caller refused the operation at the door gets a sample of the probes, enough to see
                        // that no input gets past the door to a failure; a caller let in gets every probe
                        boolean refused = false;
                        for (int i = 0; i < operation.size(); i++) {
                            if (refused && i % REFUSED_SAMPLE != 0) {
                                continue;
                            }
                            var probe = operation.get(i);
                            ApiClient.Response response;
                            try {
                                response = client.send(probe.method(), probe.path(), probe.body(), probe.contentType());
                            } catch (RuntimeException noAnswer) {
                                findings.add(new Finding(probe, caller, -1, null, String.valueOf(noAnswer)));
                                continue;
                            }
                            sent.incrementAndGet();
                            byStatus.computeIfAbsent(response.status(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (breaksTheRule(response)) {
                                findings.add(new Finding(
                                        probe, caller, response.status(), response.contentType(), response.body()));
                            }
                            if (i == 0) {
                                refused = response.status() == 401 || response.status() == 403;
                            }
                        }
                    });
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        Map<String, Integer> byClass = new TreeMap<>();
        byStatus.forEach((status, count) -> byClass.merge(status / 100 + "xx", count.get(), Integer::sum));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        System.out.printf(
                "No server error walk: %d operations, %d probes, %d callers, %d requests in %d s;"
                        + " answers %s, by status %s%n",
                documented.size(),
                probes.size(),
                callers.size(),
                sent.get(),
                seconds,
                byClass,
                new TreeMap<>(byStatus));
        assertThat(sent.get()).as("requests sent").isGreaterThan(probes.size());
        var distinct = findings.stream()
                .collect(Collectors.toMap(
                        f -> f.probe().method()
                                + f.probe().template()
                                + f.probe().variant()
                                + f.status(),
                        Finding::toString,
                        (a, b) -> a,
                        TreeMap::new));
        assertThat(distinct.values())
                .as("answers that are a 5xx or a refusal without a problem sentence (%d in all)", findings.size())
                .isEmpty();
        assertThat(byClass).as("the walk reached the handlers too").containsKey("2xx");
        assertThat(byClass).doesNotContainKey("5xx");
    }

    @Test
    void anEmptyStatusFilterRestrictsNothing() {
        var listed = callers.get(Caller.AGENT).get("/api/v1/cases?status=&customerId=" + fixture.customerId);

        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        assertThat(ApiResponses.each(listed.json().path("items"), "id")).contains(String.valueOf(fixture.caseId));
    }

    @Test
    void valuesNoDatabaseCanHoldAreRefusedNamingTheField() {
        var agent = callers.get(Caller.AGENT);

        var nul = agent.send(
                "PATCH", "/api/v1/cases/" + fixture.caseId, "{\"team\": \"body\\u0000shop\"}", "application/json");
        var ancient = agent.post(
                "/api/v1/cases/" + fixture.caseId + "/promises",
                Map.of(
                        "description",
                        "Call back",
                        "dueAt",
                        "-999999999-01-01T00:00:00Z",
                        "responsible",
                        fixture.usernames.get(Caller.AGENT)));
        var longAgo = agent.get(
                "/api/v1/cases?customerId=" + fixture.customerId + "&updatedSince=-999999999-01-01T00:00:00Z");

        assertThat(ApiResponses.assertProblem(nul, 400).path("detail").asString())
                .contains("team", "NUL");
        assertThat(ApiResponses.assertProblem(ancient, 400).path("detail").asString())
                .contains("dueAt", "between the years 1 and 9999");
        assertThat(longAgo.status())
                .as("updated since before any case: every case, %s", longAgo)
                .isEqualTo(200);
        assertThat(ApiResponses.each(longAgo.json().path("items"), "id")).contains(String.valueOf(fixture.caseId));
    }

    @Test
    void anOwnersDetailsThatDoNotFitAreRefusedNamingTheField() {
        var agent = callers.get(Caller.AGENT);
        var owner = "/api/v1/customers/" + fixture.customerId;

        var longCity = agent.post(
                "/api/v1/customers",
                Map.of(
                        "name",
                        "Long City",
                        "email",
                        UniqueNames.unique("city") + "@example.test",
                        "address",
                        Map.of("city", "x".repeat(121))));
        var country = agent.patch(owner, Map.of("address", Map.of("country", "Germany")));
        var rich = agent.send("PATCH", owner, "{\"lifetimeValue\": 1e15}", "application/json");
        var handle = agent.patch(owner, Map.of("socialHandles", Map.of("mastodon", "h".repeat(201))));

        assertThat(ApiResponses.assertProblem(longCity, 400).path("detail").asString())
                .contains("address.city");
        assertThat(ApiResponses.assertProblem(country, 400).path("detail").asString())
                .contains("address.country", "two-letter");
        assertThat(ApiResponses.assertProblem(rich, 400).path("detail").asString())
                .contains("lifetimeValue");
        assertThat(ApiResponses.assertProblem(handle, 400).path("detail").asString())
                .contains("socialHandles");
        assertThat(agent.get(owner).json().path("lifetimeValue").decimalValue())
                .as("nothing was changed")
                .isLessThan(new java.math.BigDecimal("1e15"));
    }

    private static boolean breaksTheRule(ApiClient.Response response) {
        if (response.status() >= 500) {
            return true;
        }
        if (response.status() < 400) {
            return false;
        }
        var type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return true;
        }
        try {
            var problem = response.json();
            var detail = problem.path("detail").asString("");
            // the database's refusal is a safety net: a value should be checked, and named, where it comes in
            return detail.isBlank()
                    || !detail.strip().endsWith(".")
                    || problem.path("title").asString("").equals("Value not accepted by the database");
        } catch (RuntimeException notJson) {
            return true;
        }
    }

    /** The malformations for one operation, each a change to an otherwise plausible request. */
    private List<Probe> probes(
            JsonNode api, String method, String template, JsonNode operation, JsonNode pathParameters) {
        List<Probe> probes = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathParameters.forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);

        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (var parameter : parameters) {
            var name = parameter.path("name").asString();
            if (parameter.path("in").asString().equals("path")) {
                pathValues.put(name, pathValue(template, name));
            } else if (parameter.path("in").asString().equals("query")
                    && parameter.path("required").asBoolean()) {
                query.put(name, sample(api, parameter.path("schema"), name).asString());
            }
        }

        JsonNode schema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        JsonNode body = schema.isMissingNode() ? null : sample(api, schema, "");
        var base = new Request(template, pathValues, query, body);
        var probe = new Object() {
            void add(String variant, Request request) {
                probes.add(new Probe(
                        method,
                        template,
                        variant,
                        request.url(),
                        request.json(),
                        body == null ? null : "application/json"));
            }

            void raw(String variant, String rawBody, String contentType) {
                probes.add(new Probe(method, template, variant, base.url(), rawBody, contentType));
            }
        };

        for (var name : pathValues.keySet()) {
            for (var bad : List.of("abc", "99999999999999999999", "-1", "0", "1.5", "%20", "x".repeat(300))) {
                probe.add("path " + name + "=" + abbreviate(bad), base.withPath(name, bad));
            }
        }
        for (var parameter : parameters) {
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            var name = parameter.path("name").asString();
            for (var bad : queryValues(api, parameter.path("schema"), name)) {
                probe.add("query " + name + "=" + abbreviate(bad), base.withQuery(name, bad));
            }
        }
        if (method.equals("GET") && template.matches(".*s$")) {
            // a list: paging and sorting as an integration would guess them, documented or not
            probe.add("page=-1", base.withQuery("page", "-1"));
            probe.add("size=-1", base.withQuery("size", "-1"));
            probe.add("size=huge", base.withQuery("size", "99999999999"));
            probe.add("sort=unknown", base.withQuery("sort", "noSuchField,desc"));
            probe.add("sort=injection", base.withQuery("sort", "id;drop table users"));
        }
        if (body == null) {
            return probes;
        }
        probe.raw("body not JSON", "{\"not json", "application/json");
        probe.raw("body empty", "", "application/json");
        probe.raw("body null", "null", "application/json");
        probe.raw("body array", "[]", "application/json");
        probe.raw("body string", "\"text\"", "application/json");
        probe.raw("body number", "12", "application/json");
        probe.raw("body nested deep", "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "application/json");
        probe.raw("body as text/plain", base.json(), "text/plain");
        probe.raw("body as xml", "<case><subject>x</subject></case>", "application/xml");
        probe.raw("body as form", "subject=x&body=y", "application/x-www-form-urlencoded");
        probe.raw("body bad charset", base.json(), "application/json;charset=no-such-charset");
        probe.add("body unknown field", base.withBody(b -> {
            if (b instanceof ObjectNode object) {
                object.put("noSuchField", 1);
            }
            return b;
        }));
        probe.add("body as documented", base);
        fields(api, schema, "", probe::add, base);
        return probes;
    }

    private interface Adder {
        void add(String variant, Request request);
    }

    /** Every field of an object body (and of objects within it), broken one at a time. */
    private void fields(JsonNode api, JsonNode schema, String prefix, Adder probe, Request base) {
        var resolved = resolve(api, schema);
        var object = base.field(prefix);
        for (var property : resolved.path("properties").properties()) {
            var name = property.getKey();
            var fieldSchema = resolve(api, property.getValue());
            var path = prefix + name;
            var label = "field " + path;
            if (object.has(name)) {
                probe.add(label + " missing", base.withField(path, null, true));
            }
            probe.add(label + " null", base.withField(path, NODES.nullNode(), false));
            for (var bad : fieldValues(api, fieldSchema, name)) {
                probe.add(label + "=" + abbreviate(bad.toString()), base.withField(path, bad, false));
            }
            if (fieldSchema.path("type").asString("").equals("object") && prefix.isEmpty()) {
                // an object within the body: its own fields, broken one at a time inside an object that is fine
                var within = object.has(name) ? base : base.withField(path, sample(api, fieldSchema, name), false);
                fields(api, fieldSchema, path + ".", probe, within);
            }
        }
    }

    /** Wrong types and boundary values for a body field of this schema. */
    private List<JsonNode> fieldValues(JsonNode api, JsonNode schema, String name) {
        List<JsonNode> values = new ArrayList<>();
        String type = schema.path("type").asString("");
        switch (type) {
            case "integer", "number" -> {
                values.add(NODES.stringNode("abc"));
                values.add(NODES.stringNode(RAW + "1e400" + RAW));
                values.add(NODES.stringNode(RAW + "99999999999999999999999" + RAW));
                values.add(NODES.numberNode(-1));
                values.add(NODES.numberNode(2147483648L));
                values.add(NODES.numberNode(1.5));
                if (schema.has("maximum")) {
                    values.add(schema.path("maximum"));
                }
            }
            case "boolean" -> {
                values.add(NODES.stringNode("yes"));
                values.add(NODES.numberNode(2));
            }
            case "array" -> {
                values.add(NODES.stringNode("x"));
                values.add(NODES.objectNode());
                values.add(NODES.arrayNode());
                values.add(NODES.arrayNode().addNull());
                values.add(NODES.arrayNode().add(NODES.objectNode()));
                var many = NODES.arrayNode();
                for (int i = 0; i < 5000; i++) {
                    many.add(sample(api, schema.path("items"), name));
                }
                values.add(many);
            }
            case "object" -> {
                values.add(NODES.stringNode("x"));
                values.add(NODES.arrayNode());
                values.add(NODES.objectNode());
                values.add(NODES.objectNode().put("noSuchKey", HUNDRED_KB));
            }
            default -> {
                values.add(NODES.numberNode(12345));
                values.add(NODES.objectNode());
                values.add(NODES.arrayNode().add("x"));
                values.add(NODES.stringNode(""));
                values.add(NODES.stringNode(HUNDRED_KB));
                values.add(NODES.stringNode("\u0000\u001b[31m\ud800"));
                if (schema.has("maxLength") && schema.path("maxLength").asInt() < HUNDRED_KB.length()) {
                    // the longest value accepted must fit where it is stored; one more must be refused
                    values.add(
                            NODES.stringNode("x".repeat(schema.path("maxLength").asInt())));
                    values.add(
                            NODES.stringNode("x".repeat(schema.path("maxLength").asInt() + 1)));
                }
                var format = schema.path("format").asString("");
                var example = schema.path("example").asString("");
                if (format.startsWith("date") || name.endsWith("At") || name.endsWith("Since")) {
                    values.add(NODES.stringNode("2026-13-45T99:00:00Z"));
                    values.add(NODES.stringNode("+1000000000-01-01T00:00:00Z"));
                }
                if (example.startsWith("P") || format.equals("duration")) {
                    values.add(NODES.stringNode("P-1X"));
                    values.add(NODES.stringNode("P99999999999999999999D"));
                }
                if (name.toLowerCase().contains("zone")) {
                    values.add(NODES.stringNode("Mars/Olympus_Mons"));
                }
                if (schema.has("enum")) {
                    values.add(NODES.stringNode("NOT_A_VALUE"));
                    values.add(NODES.stringNode(
                            schema.path("enum").get(0).asString().toLowerCase()));
                }
            }
        }
        return values;
    }

    /** Bad values for a query parameter of this schema (a URL holds no 100 KB, so 4 KB stands in). */
    private List<String> queryValues(JsonNode api, JsonNode schema, String name) {
        var resolved = resolve(api, schema);
        List<String> values = new ArrayList<>(List.of("", "abc", "-1", "0", "99999999999999999999", "x".repeat(4096)));
        if (resolved.path("type").asString("").equals("array")) {
            resolved = resolve(api, resolved.path("items"));
        }
        if (resolved.has("enum")) {
            values.add("NOT_A_VALUE");
        }
        if (resolved.path("format").asString("").startsWith("date")) {
            values.add("2026-13-45T99:00:00Z");
            values.add("-999999999-01-01T00:00:00Z");
        }
        if (name.equals("sort")) {
            values.add("noSuchField,desc");
        }
        return values;
    }

    /** A plausible value for a schema: its example, its first enum value, or one of its type. */
    private JsonNode sample(JsonNode api, JsonNode schema, String name) {
        var resolved = resolve(api, schema);
        if (resolved.has("example")) {
            return resolved.path("example");
        }
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        String type = resolved.path("type").asString("");
        return switch (type) {
            case "integer", "number" ->
                switch (name) {
                    case "customerId" -> NODES.numberNode(fixture.customerId);
                    case "caseId" -> NODES.numberNode(fixture.caseId);
                    default -> NODES.numberNode(1);
                };
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(sample(api, resolved.path("items"), name));
            case "object" -> {
                // only what is required, so that each probe changes one thing and no optional field (a status
                // change, say) is refused before the broken one is looked at
                var object = NODES.objectNode();
                var required = new HashSet<String>();
                resolved.path("required").forEach(r -> required.add(r.asString()));
                for (var property : resolved.path("properties").properties()) {
                    if (required.contains(property.getKey())) {
                        object.set(property.getKey(), sample(api, property.getValue(), property.getKey()));
                    }
                }
                yield object;
            }
            default ->
                NODES.stringNode(
                        switch (resolved.path("format").asString("")) {
                            case "date-time" ->
                                Instant.now().plus(Duration.ofDays(1)).toString();
                            case "date" -> "2027-01-15";
                            case "email" -> "fuzz@example.test";
                            default ->
                                name.toLowerCase().contains("zone")
                                        ? "Europe/Oslo"
                                        : name.equals("responsible") || name.equals("username")
                                                ? fixture.usernames.get(Caller.AGENT)
                                                : "Fuzz value";
                        });
        };
    }

    /** The schema itself, or the one its {@code $ref} (or single {@code allOf}/{@code oneOf}) names. */
    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        for (int depth = 0; depth < 10; depth++) {
            if (schema.has("$ref")) {
                var name = schema.path("$ref").asString().replace("#/components/schemas/", "");
                schema = api.path("components").path("schemas").path(name);
            } else if (schema.path("allOf").size() == 1) {
                schema = schema.path("allOf").get(0);
            } else if (schema.path("oneOf").size() > 0) {
                schema = schema.path("oneOf").get(0);
            } else {
                return schema;
            }
        }
        return schema;
    }

    /** An id that exists where one is known, so that what the body or the query breaks is what gets refused. */
    private String pathValue(String template, String name) {
        if (name.equals("username")) {
            return fixture.usernames.get(Caller.AGENT);
        }
        if (name.equals("caseId")) {
            return String.valueOf(fixture.caseId);
        }
        if (name.equals("messageId")) {
            return String.valueOf(fixture.messageId);
        }
        if (name.equals("promiseId")) {
            return String.valueOf(fixture.promiseId);
        }
        if (template.startsWith("/api/v1/cases/{id}") || template.startsWith("/api/v1/me/cases/{id}")) {
            return String.valueOf(fixture.caseId);
        }
        if (template.startsWith("/api/v1/customers/{id}")) {
            return String.valueOf(fixture.customerId);
        }
        if (template.startsWith("/api/v1/sla-policies/{id}")) {
            return String.valueOf(retiredPolicy);
        }
        if (template.startsWith("/api/v1/service-centers/{id}")) {
            return String.valueOf(serviceCenter);
        }
        if (template.startsWith("/api/v1/appointments/{id}")) {
            return String.valueOf(appointment);
        }
        if (template.startsWith("/api/v1/executive-escalations/{id}")) {
            return String.valueOf(escalation);
        }
        // tokens and notifications: an id nobody has, so no probe revokes or reads a real one
        return "987654321";
    }

    private Set<String> policyIds() {
        var ids = new java.util.TreeSet<String>();
        fixture.admin.get("/api/v1/sla-policies?size=1000").json().path("items").forEach(p -> {
            if (p.path("active").asBoolean()) {
                ids.add(p.path("id").asString());
            }
        });
        return ids;
    }

    /** A value short enough for a label, with control characters and lone surrogates written as escapes. */
    private static String abbreviate(String value) {
        var shown = value.length() > 40 ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value;
        var printable = new StringBuilder();
        shown.chars()
                .forEach(c -> printable.append(
                        c < 0x20 || Character.isSurrogate((char) c)
                                ? String.format("\\u%04x", c)
                                : String.valueOf((char) c)));
        return printable.toString();
    }

    /** A request: its path with the values of its path variables, its query and its JSON body. */
    private record Request(String template, Map<String, String> pathValues, Map<String, String> query, JsonNode body) {

        String url() {
            var path = template;
            for (var value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            if (!query.isEmpty()) {
                path += "?"
                        + query.entrySet().stream()
                                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&"));
            }
            return path;
        }

        String json() {
            return body == null
                    ? null
                    : RAW_TOKEN.matcher(JSON.writeValueAsString(body)).replaceAll("$1");
        }

        Request withPath(String name, String value) {
            var values = new LinkedHashMap<>(pathValues);
            values.put(name, value);
            return new Request(template, values, query, body);
        }

        Request withQuery(String name, String value) {
            var values = new LinkedHashMap<>(query);
            values.put(name, value);
            return new Request(template, pathValues, values, body);
        }

        Request withBody(UnaryOperator<JsonNode> change) {
            return new Request(template, pathValues, query, change.apply(body.deepCopy()));
        }

        /** The object at a dotted path of the body ending in a dot; the body itself for "". */
        JsonNode field(String prefix) {
            JsonNode node = body;
            for (var name : prefix.split("\\.")) {
                if (!name.isEmpty()) {
                    node = node.path(name);
                }
            }
            return node;
        }

        /** The body with one field (a dotted path) set to a value, or removed. */
        Request withField(String path, JsonNode value, boolean remove) {
            return withBody(b -> {
                var names = path.split("\\.");
                JsonNode parent = b;
                for (int i = 0; i < names.length - 1; i++) {
                    parent = parent.path(names[i]);
                }
                if (parent instanceof ObjectNode object) {
                    var last = names[names.length - 1];
                    if (remove) {
                        object.remove(last);
                    } else {
                        object.set(last, value);
                    }
                }
                return b;
            });
        }
    }
}
