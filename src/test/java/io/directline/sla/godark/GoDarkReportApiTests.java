package io.directline.sla.godark;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.CaseStatus;
import io.directline.cases.Priority;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.identity.IdentityFixtures;
import io.directline.sla.Promises;
import io.directline.sla.clock.SlaWatchdog;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.IsolatedDatabase;
import io.directline.testsupport.TravellingClock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The go-dark figures over real HTTP, from situations made through the real services: cases opened,
 * answered and put on hold through {@link CaseManagement}, promises recorded and kept through
 * {@link Promises}, and breaches and broken promises recorded by the {@link SlaWatchdog} as time moves on.
 *
 * <p>The figures count every case there is, and the suite's other classes share one database, whose
 * cases (and whose watchdogs, running in the contexts the test framework keeps) would change them at any
 * moment. So this class has a database of its own (a schema of its own on PostgreSQL), and the watchdog
 * runs only when the test sweeps, at the time the test's clock shows. Its one login is the administrator:
 * with no supervisor or executive to climb to, the ladder takes no case and makes no recovery promises of
 * its own, so the figures hold exactly what the test did.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "directline.sla.watchdog-interval=3650d")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoDarkReportApiTests {

    private static final String OWN_SCHEMA =
            "go_dark_" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IsolatedDatabase.properties(OWN_SCHEMA).forEach((name, value) -> registry.add(name, () -> value));
    }

    @TestConfiguration
    static class Time {

        /** Monday 2 November 2026, before the first case. */
        @Bean
        @Primary
        TravellingClock travellingClock() {
            return new TravellingClock(Instant.parse("2026-11-02T00:00:00Z"));
        }

        /** On PostgreSQL, the schema of this class goes when its context closes. */
        @Bean
        DisposableBean dropOwnSchema(DataSource dataSource) {
            return () -> {
                if (!System.getProperty("spring.datasource.url", "jdbc:h2:").startsWith("jdbc:h2:")) {
                    new JdbcTemplate(dataSource).execute("drop schema if exists " + OWN_SCHEMA + " cascade");
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TravellingClock clock;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    @Autowired
    Promises promises;

    @Autowired
    SlaWatchdog watchdog;

    private final Actor agent = new Actor("admin", "Ada Admin", Channel.PORTAL);

    private ApiClient admin;
    private long customerId;
    private long answered;
    private long neverAnswered;
    private long answeredThenAskedAgain;
    private long onHold;
    private long lateThisWeek;

    /**
     * Three weeks, Monday 2 to Wednesday 18 November 2026 (UTC); every target is the standard policy's,
     * around the clock: first response 4 h, next response 8 h, resolution 5 days.
     */
    @BeforeAll
    void threeWeeksOfCases() {
        admin = IdentityFixtures.admin(port);
        customerId = customers.register(CustomerFixtures.owner("Dark Owner")).getId();

        // Week of 2 November: answered an hour late; a promise kept.
        at("2026-11-02T09:00:00Z");
        answered = open("Answered late");
        at("2026-11-02T09:30:00Z");
        var kept = promise(answered, "We call you back tomorrow morning.", "2026-11-03T09:00:00Z");
        at("2026-11-02T14:00:00Z");
        watchdog.sweep(); // first response breached at 13:00
        at("2026-11-02T16:00:00Z");
        promises.keep(answered, kept, "We called: the part is ordered.", agent);

        // Week of 9 November: never answered, with a promise broken; answered once, then silent.
        at("2026-11-09T08:00:00Z");
        neverAnswered = open("Never answered");
        at("2026-11-09T08:30:00Z");
        promise(neverAnswered, "A loan car by Tuesday 10:00.", "2026-11-10T10:00:00Z");
        at("2026-11-10T11:00:00Z");
        watchdog.sweep(); // first response breached 9 Nov 12:00, promise broken now
        at("2026-11-10T12:00:00Z");
        answeredThenAskedAgain = open("Answered, then asked again");
        at("2026-11-10T12:30:00Z");
        cases.reply(answeredThenAskedAgain, "We are on it.", null, agent);
        at("2026-11-10T13:00:00Z");
        cases.receiveFromOwner(answeredThenAskedAgain, customerId, "Any news?", Channel.PORTAL, null, ownerVoice());
        at("2026-11-10T13:30:00Z");
        promise(answeredThenAskedAgain, "News by Monday.", "2026-11-16T01:00:00Z");
        at("2026-11-11T09:00:00Z");
        onHold = open("Late, then waiting on the owner");

        // Week of 16 November: the watchdog catches up at 03:00 UTC (Sunday evening in New York).
        at("2026-11-16T03:00:00Z");
        watchdog.sweep(); // next response breached 10 Nov 21:00, first response 11 Nov 13:00, promise broken now
        at("2026-11-16T04:00:00Z");
        cases.change(onHold, new CaseChanges(CaseStatus.WAITING_ON_CUSTOMER, null, null, null, null), agent);
        at("2026-11-16T10:00:00Z");
        lateThisWeek = open("Late this week");
        promise(lateThisWeek, "The invoice corrected by next Wednesday.", "2026-11-25T09:00:00Z");
        promise(lateThisWeek, "A call by Tuesday 09:00.", "2026-11-17T09:00:00Z");
        at("2026-11-18T12:30:00Z");
        watchdog.sweep(); // first response breached 16 Nov 14:00, promise broken now
    }

    @Test
    void countsResponseBreachesAndBrokenPromisesInTheWeekTheyHappened() {
        var report = goDark("?weeks=3");

        assertThat(report.path("from").asString()).isEqualTo("2026-11-02T00:00:00Z");
        assertThat(report.path("to").asString()).isEqualTo("2026-11-18T12:30:00Z");
        assertThat(weeks(report))
                .as("resolution breaches (two cases ran past 5 days) are no go-dark incidents")
                .containsExactly(
                        "2026-11-02 1+0=1", //
                        "2026-11-09 3+1=4",
                        "2026-11-16 1+2=3");
    }

    @Test
    void startsTheWeeksOnMondayInTheZoneAsked() {
        var report = goDark("?weeks=3&zone=America/New_York");

        assertThat(report.path("from").asString()).isEqualTo("2026-11-02T05:00:00Z");
        assertThat(weeks(report))
                .as("the promise broken at 03:00 UTC on Monday broke on Sunday evening in New York")
                .containsExactly("2026-11-02 1+0=1", "2026-11-09 3+2=5", "2026-11-16 1+1=2");
    }

    @Test
    void listsEveryWeekOfThePeriodEmptyOnesToo() {
        var report = goDark("");

        var weeks = weeks(report);
        assertThat(weeks).as("12 weeks unless asked otherwise").hasSize(12);
        assertThat(weeks.subList(0, 9)).allMatch(w -> w.endsWith(" 0+0=0"));
        assertThat(weeks.get(0)).startsWith("2026-08-31 ");
        assertThat(weeks.get(11)).isEqualTo("2026-11-16 1+2=3");
        assertThat(report.path("from").asString()).isEqualTo("2026-08-31T00:00:00Z");
    }

    @Test
    void listsTheCasesSilentNowLongestFirst() {
        var report = goDark("?weeks=3");

        assertThat(report.path("silentNow").asLong()).isEqualTo(3);
        assertThat(silences(report.path("silentCases")))
                .as("answered and on-hold cases are not silent, however late they were")
                .containsExactly(
                        ref(neverAnswered) + " since 2026-11-09T08:00:00Z for PT220H30M",
                        ref(answeredThenAskedAgain) + " since 2026-11-10T13:00:00Z for PT191H30M",
                        ref(lateThisWeek) + " since 2026-11-16T10:00:00Z for PT50H30M");
        assertThat(report.path("silentCases").get(0).path("caseId").asLong()).isEqualTo(neverAnswered);
        assertThat(silences(List.of(report.path("longestSilence"))))
                .containsExactly(ref(neverAnswered) + " since 2026-11-09T08:00:00Z for PT220H30M");
    }

    @Test
    void countsPromisesKeptAndBrokenInThePeriodAndOpenNow() {
        var all = goDark("?weeks=3").path("promises");
        assertThat(List.of(
                        all.path("kept").asLong(),
                        all.path("broken").asLong(),
                        all.path("open").asLong()))
                .as("kept, broken, open")
                .containsExactly(1L, 3L, 1L);

        var thisWeek = goDark("?weeks=1").path("promises");
        assertThat(List.of(
                        thisWeek.path("kept").asLong(),
                        thisWeek.path("broken").asLong(),
                        thisWeek.path("open").asLong()))
                .as("kept, broken, open this week")
                .containsExactly(0L, 2L, 1L);
    }

    @Test
    void refusesAPeriodItCannotReport() {
        for (var weeks : List.of("0", "105", "-1")) {
            var refused = admin.get("/api/v1/reports/go-dark?weeks=" + weeks);
            assertProblem(refused);
            assertThat(refused.json().path("field").asString()).isEqualTo("weeks");
            assertThat(refused.json().path("detail").asString())
                    .contains("weeks")
                    .contains("1 and 104");
        }
        var notANumber = admin.get("/api/v1/reports/go-dark?weeks=many");
        assertProblem(notANumber);
        assertThat(notANumber.json().path("detail").asString()).startsWith("weeks must be a number");

        var noZone = admin.get("/api/v1/reports/go-dark?zone=Mars/Olympus_Mons");
        assertProblem(noZone);
        assertThat(noZone.json().path("field").asString()).isEqualTo("zone");
        assertThat(noZone.json().path("detail").asString()).startsWith("zone must be a time zone id");
    }

    private JsonNode goDark(String query) {
        var response = admin.get("/api/v1/reports/go-dark" + query);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    /** Each week as "weekStart responseBreaches+brokenPromises=incidents". */
    private static List<String> weeks(JsonNode report) {
        return StreamSupport.stream(report.path("weeks").spliterator(), false)
                .map(w -> w.path("weekStart").asString() + " "
                        + w.path("responseBreaches").asLong() + "+"
                        + w.path("brokenPromises").asLong() + "="
                        + w.path("incidents").asLong())
                .toList();
    }

    /** Each silence as "reference since … for …". */
    private static List<String> silences(Iterable<JsonNode> silences) {
        return StreamSupport.stream(silences.spliterator(), false)
                .map(s -> s.path("reference").asString() + " since "
                        + s.path("since").asString() + " for "
                        + s.path("silentFor").asString())
                .toList();
    }

    private static void assertProblem(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).endsWith(".");
    }

    private void at(String instant) {
        clock.travelForwardTo(Instant.parse(instant));
    }

    private long open(String subject) {
        return cases.open(
                        new OpenCase(
                                customerId,
                                subject,
                                "Hello, " + subject.toLowerCase() + "?",
                                Channel.PORTAL,
                                Priority.NORMAL,
                                null,
                                null,
                                null),
                        ownerVoice())
                .getId();
    }

    private long promise(long caseId, String description, String dueAt) {
        return promises.record(caseId, description, Instant.parse(dueAt), "admin", agent)
                .getId();
    }

    private Actor ownerVoice() {
        return new Actor("owner", "Dark Owner", Channel.PORTAL);
    }

    private static String ref(long caseId) {
        return SupportCase.reference(caseId);
    }
}
