package io.directline.sla.policy;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.Tier;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Administrators define, change and retire SLA policies over real HTTP. Every policy a test defines is
 * retired afterwards, since all test classes share one database and an active policy would apply to
 * their cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlaPolicyApiTests {

    private static final String POLICIES = "/api/v1/sla-policies";

    @LocalServerPort
    int port;

    @Autowired
    SlaPolicies policies;

    @Autowired
    Clock clock;

    /** The admin's API token: checking it is much cheaper than a password on every call. */
    private static String adminToken;

    ApiClient admin;
    private final List<String> defined = new ArrayList<>();

    @BeforeEach
    void signInAsAdmin() {
        if (adminToken == null) {
            var issued = IdentityFixtures.admin(port).post("/api/v1/tokens", Map.of("name", "SLA policy tests"));
            assertThat(issued.status()).as("%s", issued).isEqualTo(201);
            adminToken = issued.json().path("token").asString();
        }
        admin = ApiClient.bearer(port, adminToken);
    }

    @AfterEach
    void retireWhatTheTestDefined() {
        defined.forEach(location -> admin.delete(location));
    }

    @Test
    void definesReadsChangesAndRetiresAPolicy() {
        var before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var made = define(vipEmail(UniqueNames.unique("VIP e-mail")));
        var after = clock.instant();

        assertThat(made.status()).as("%s", made).isEqualTo(201);
        long id = made.id();
        assertThat(made.header("Location")).isEqualTo(POLICIES + "/" + id);
        var read = admin.get(made.header("Location"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(withoutTimes(read.json())).isEqualTo(withoutTimes(made.json()));
        var policy = read.json();
        assertThat(policy.path("channel").asString()).isEqualTo("EMAIL");
        assertThat(policy.path("priority").asString()).isEqualTo("URGENT");
        assertThat(policy.path("tier").asString()).isEqualTo("VIP");
        assertThat(policy.path("targets").path("firstResponse").asString()).isEqualTo("PT1H");
        assertThat(policy.path("targets").path("nextResponse").asString()).isEqualTo("PT4H");
        assertThat(policy.path("targets").path("resolution").asString()).isEqualTo("P2D");
        assertThat(policy.path("calendar").path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(policy.path("calendar").path("hours").path("MONDAY").toString())
                .isEqualTo("[\"09:00-12:00\",\"13:00-17:00\"]");
        assertThat(policy.path("calendar").path("hours").has("SATURDAY")).isFalse();
        assertThat(policy.path("calendar").path("holidays").get(0).asString()).isEqualTo("2026-12-25");
        assertThat(policy.path("active").asBoolean()).isTrue();
        assertThat(policy.path("aroundTheClock").asBoolean()).isFalse();
        assertThat(Instant.parse(policy.path("createdAt").asString()))
                .as("defined at the moment of the request, by the application's clock")
                .isBetween(before, after);

        assertThat(each(admin.get(POLICIES).json().path("items"), "id"))
                .as("the list holds the standard policy and the new one")
                .contains("1", String.valueOf(id));

        var changed = vipEmail(policy.path("name").asString() + " (24/7)");
        changed.put("calendar", Map.of("timeZone", "Europe/Berlin"));
        changed.put("targets", Map.of("firstResponse", "PT30M"));
        var replaced = admin.put(POLICIES + "/" + id, changed);
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        var now = admin.get(POLICIES + "/" + id).json();
        assertThat(now.path("name").asString()).endsWith("(24/7)");
        assertThat(now.path("aroundTheClock").asBoolean()).isTrue();
        assertThat(now.path("calendar").path("hours").isNull()).isTrue();
        assertThat(now.path("targets").path("firstResponse").asString()).isEqualTo("PT30M");
        assertThat(now.path("targets").path("resolution").isNull())
                .as("a replaced policy keeps no target it was not given")
                .isTrue();
        assertThat(now.path("createdAt")).isEqualTo(policy.path("createdAt"));

        var retired = admin.delete(POLICIES + "/" + id);
        assertThat(retired.status()).as("%s", retired).isEqualTo(204);
        var afterRetiring = admin.get(POLICIES + "/" + id);
        assertThat(afterRetiring.status()).as("a retired policy stays readable").isEqualTo(200);
        assertThat(afterRetiring.json().path("active").asBoolean()).isFalse();
        assertThat(admin.delete(POLICIES + "/" + id).status())
                .as("retiring twice is fine")
                .isEqualTo(204);
        assertThat(admin.get(POLICIES + "/" + id).json())
                .as("and changes nothing the second time")
                .isEqualTo(afterRetiring.json());
        assertThat(admin.get(POLICIES).json().path("items")).anySatisfy(item -> {
            assertThat(item.path("id").asLong()).isEqualTo(id);
            assertThat(item.path("active").asBoolean()).isFalse();
        });
    }

    @Test
    void aPolicyReadFromTheApiCanBeSentBackChanged() {
        var made = define(vipEmail(UniqueNames.unique("Round trip")));
        var read = (ObjectNode) admin.get(made.header("Location")).json();
        read.put("name", read.path("name").asString() + " changed");

        var replaced = admin.put(made.header("Location"), read.toString());

        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().path("name").asString()).endsWith(" changed");
        assertThat(replaced.json().path("calendar")).isEqualTo(made.json().path("calendar"));
    }

    @Test
    void theMostSpecificActivePolicyIsPickedAndARetiredOneNoLonger() {
        var channelOnly = body(UniqueNames.unique("Mastodon"));
        channelOnly.put("channel", "MASTODON");
        long mastodon = define(channelOnly).id();
        var specific = body(UniqueNames.unique("Mastodon, low, VIP"));
        specific.putAll(Map.of("channel", "MASTODON", "priority", "LOW", "tier", "VIP"));
        long mastodonLowVip = define(specific).id();

        assertThat(pickedFor(Channel.MASTODON, Priority.LOW, Tier.VIP)).isEqualTo(mastodonLowVip);
        assertThat(pickedFor(Channel.MASTODON, Priority.HIGH, Tier.VIP)).isEqualTo(mastodon);

        assertThat(admin.delete(POLICIES + "/" + mastodonLowVip).status()).isEqualTo(204);
        assertThat(pickedFor(Channel.MASTODON, Priority.LOW, Tier.VIP)).isEqualTo(mastodon);

        assertThat(admin.delete(POLICIES + "/" + mastodon).status()).isEqualTo(204);
        assertThat(pickedFor(Channel.MASTODON, Priority.LOW, Tier.VIP))
                .as("back to the standard policy seeded with id 1")
                .isEqualTo(1L);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("a blank name", "name", b -> b.put("name", "  ")),
                bad("a name over 100 characters", "name", b -> b.put("name", "N".repeat(101))),
                bad("no targets at all", "targets", b -> b.put("targets", Map.of())),
                bad("no targets object", "targets", b -> b.remove("targets")),
                bad("a zero target", "targets.firstResponse", b -> targets(b).put("firstResponse", "PT0S")),
                bad("a negative target", "targets.nextResponse", b -> targets(b).put("nextResponse", "-PT1H")),
                bad(
                        "an unreadable target",
                        "targets.resolution",
                        b -> targets(b).put("resolution", "two days")),
                bad(
                        "a target over a year",
                        "targets.resolution",
                        b -> targets(b).put("resolution", "P366D")),
                bad(
                        "an unknown time zone",
                        "calendar.timeZone",
                        b -> calendar(b).put("timeZone", "Mars/Olympus")),
                bad(
                        "working hours without a time zone",
                        "calendar.timeZone",
                        b -> calendar(b).remove("timeZone")),
                bad("a malformed interval", "calendar.hours.MONDAY", b -> hours(b).put("MONDAY", List.of("9-17"))),
                bad(
                        "overlapping intervals",
                        "calendar.hours.MONDAY",
                        b -> hours(b).put("MONDAY", List.of("09:00-12:00", "11:00-13:00"))),
                bad(
                        "an interval ending before it starts",
                        "calendar.hours.TUESDAY",
                        b -> hours(b).put("TUESDAY", List.of("17:00-09:00"))),
                bad(
                        "hours but no working time on any day",
                        "calendar.hours",
                        b -> calendar(b).put("hours", Map.of("MONDAY", List.of(), "FRIDAY", List.of()))),
                bad("a day that is no weekday", "calendar.hours", b -> hours(b).put("FUNDAY", List.of("09:00-17:00"))),
                bad(
                        "a bad holiday date",
                        "calendar.holidays",
                        b -> calendar(b).put("holidays", List.of("2026-12-25", "2026-13-01"))),
                bad(
                        "holidays on a 24/7 calendar",
                        "calendar.holidays",
                        b -> calendar(b).remove("hours")));
    }

    @ParameterizedTest(name = "{0} is refused, naming {1}")
    @MethodSource("badInput")
    void badInputIsRefusedNamingTheFieldAndStoresNothing(
            String what, String field, Consumer<Map<String, Object>> spoil) {
        var name = UniqueNames.unique("Refused");
        var body = vipEmail(name);
        spoil.accept(body);
        var before = admin.get(POLICIES).json();

        var problem = assertProblem(admin.post(POLICIES, body), 400);

        assertThat(problem.path("field").asString()).isEqualTo(field);
        assertThat(problem.path("detail").asString()).contains(field);
        assertThat(admin.get(POLICIES).json()).as("nothing was defined").isEqualTo(before);

        var existing = define(vipEmail(UniqueNames.unique("Existing"))).header("Location");
        var stored = admin.get(existing).json();
        var refused = assertProblem(admin.put(existing, body), 400);
        assertThat(refused.path("field").asString()).isEqualTo(field);
        assertThat(admin.get(existing).json()).as("the policy did not change").isEqualTo(stored);
    }

    @Test
    void unknownValuesAndMalformedJsonAreRefusedToo() {
        var body = vipEmail(UniqueNames.unique("Fax"));
        body.put("channel", "FAX");
        var own = define(vipEmail(UniqueNames.unique("Own"))).header("Location");
        var before = admin.get(POLICIES).json();

        assertThat(assertProblem(admin.post(POLICIES, body), 400).path("detail").asString())
                .contains("channel");
        assertProblem(admin.send("POST", POLICIES, "{\"name\": \"Broken\", ", "application/json"), 400);
        assertProblem(admin.put(own, "[1, 2]"), 400);

        assertThat(admin.get(POLICIES).json()).isEqualTo(before);
        assertProblem(admin.get(POLICIES + "/999999999"), 404);
        assertProblem(admin.put(POLICIES + "/999999999", vipEmail("Nowhere")), 404);
        assertProblem(admin.delete(POLICIES + "/999999999"), 404);
    }

    private long pickedFor(Channel channel, Priority priority, Tier tier) {
        return policies.pick(channel, priority, tier).map(SlaPolicy::getId).orElse(-1L);
    }

    private ApiClient.Response define(Map<String, Object> body) {
        var made = admin.post(POLICIES, body);
        assertThat(made.status()).as("define: %s", made).isEqualTo(201);
        defined.add(made.header("Location"));
        return made;
    }

    /** The example of the API documentation: urgent VIP e-mail on Berlin office hours. */
    private static Map<String, Object> vipEmail(String name) {
        var body = body(name);
        body.put("channel", "EMAIL");
        body.put("priority", "URGENT");
        body.put("tier", "VIP");
        var hours = new LinkedHashMap<String, Object>();
        for (var day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, List.of("09:00-12:00", "13:00-17:00"));
        }
        var calendar = new HashMap<String, Object>();
        calendar.put("timeZone", "Europe/Berlin");
        calendar.put("hours", hours);
        calendar.put("holidays", List.of("2026-12-25"));
        body.put("calendar", calendar);
        return body;
    }

    /** A policy for every case around the clock in UTC, with all three targets. */
    private static Map<String, Object> body(String name) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put(
                "targets", new HashMap<>(Map.of("firstResponse", "PT1H", "nextResponse", "PT4H", "resolution", "P2D")));
        return body;
    }

    private static Arguments bad(String what, String field, Consumer<Map<String, Object>> spoil) {
        return Arguments.of(what, field, spoil);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> targets(Map<String, Object> body) {
        return (Map<String, Object>) body.get("targets");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> calendar(Map<String, Object> body) {
        return (Map<String, Object>) body.get("calendar");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hours(Map<String, Object> body) {
        return (Map<String, Object>) calendar(body).get("hours");
    }

    /** A policy without its times, which the database keeps to the microsecond. */
    private static JsonNode withoutTimes(JsonNode policy) {
        var copy = (ObjectNode) policy.deepCopy();
        copy.remove("createdAt");
        copy.remove("updatedAt");
        return copy;
    }
}
