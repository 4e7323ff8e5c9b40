package io.directline.experience.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.escalation.EscalationFixtures;
import io.directline.escalation.OwnerEscalations;
import io.directline.identity.IdentityFixtures;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.sla.Promises;
import io.directline.sla.clock.SlaWatchdog;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.IsolatedDatabase;
import io.directline.testsupport.TravellingClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's figures that other modules count, over real HTTP, from situations made through their services: cases
 * opened and answered through {@link CaseManagement}, a promise through {@link Promises}, breaches and broken promises
 * recorded by the {@link SlaWatchdog} as time moves on, an owner's executive escalation through
 * {@link OwnerEscalations}; the owners who asked about a delayed order are written as the journey's table keeps them.
 * The dashboard must show the same numbers the modules' own reports count.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "directline.sla.watchdog-interval=3650d")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardModulesApiTests {

    private static final String OWN_SCHEMA =
            "dashboard_modules_" + UUID.randomUUID().toString().substring(0, 8);

    /** Two weeks: Monday 2 to Sunday 15 November 2026. */
    private static final String PERIOD = "?from=2026-11-02&to=2026-11-15";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IsolatedDatabase.properties(OWN_SCHEMA).forEach((name, value) -> registry.add(name, () -> value));
    }

    @TestConfiguration
    static class Time {

        @Bean
        @Primary
        TravellingClock travellingClock() {
            return new TravellingClock(Instant.parse("2026-11-02T00:00:00Z"));
        }

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

    @Autowired
    OwnerEscalations escalations;

    @Autowired
    UserManagement users;

    @Autowired
    JdbcClient jdbc;

    private final Actor agent = new Actor("admin", "Ada Admin", Channel.PORTAL);
    private ApiClient admin;
    private long customerId;
    private Long escalation;

    /** Every target is the standard policy's, around the clock: first response 4 h, resolution 5 days. */
    @BeforeAll
    void twoWeeksOfCases() {
        admin = IdentityFixtures.admin(port);
        customerId = customers.register(CustomerFixtures.owner("Dash Owner")).getId();

        // Week of 2 November: one case answered in time, one answered late.
        at("2026-11-02T09:00:00Z");
        long inTime = open("Answered in time");
        long late = open("Answered late");
        at("2026-11-02T10:00:00Z");
        cases.reply(inTime, "Here is your answer.", null, agent);
        at("2026-11-02T14:00:00Z");
        watchdog.sweep(); // the late case's first response breached at 13:00
        at("2026-11-02T15:00:00Z");
        cases.reply(late, "Sorry for the wait.", null, agent);

        // Week of 9 November: never answered, a promise broken, then the owner asks for an executive.
        at("2026-11-09T08:00:00Z");
        long silent = open("Never answered");
        at("2026-11-09T08:30:00Z");
        promises.record(silent, "A loan car by Tuesday 10:00.", Instant.parse("2026-11-10T10:00:00Z"), "admin", agent);
        at("2026-11-10T11:00:00Z");
        watchdog.sweep(); // first response breached 9 Nov 12:00, the promise broken now
        at("2026-11-12T09:00:00Z");
        // an executive to take it, only now: the sweeps above found nobody to climb to
        users.createUser(new NewUser(
                "dash.exec." + UUID.randomUUID().toString().substring(0, 8),
                "dash-exec-password",
                "Dash Executive",
                null,
                null,
                Set.of(Role.EXECUTIVE),
                null));
        escalation = escalations
                .escalate(
                        silent,
                        customerId,
                        EscalationFixtures.REASON,
                        "service",
                        new Actor("owner", "Dash Owner", Channel.PORTAL))
                .orElse(null);

        // Owners who asked about a delayed order: told, told and had to ask; then had to ask.
        ask(true, "2026-11-03T10:00:00Z");
        ask(true, "2026-11-04T10:00:00Z");
        ask(false, "2026-11-05T10:00:00Z");
        ask(false, "2026-11-11T10:00:00Z");
        ask(false, "2026-11-20T10:00:00Z"); // after the period
        at("2026-11-16T00:00:00Z");
    }

    @Test
    void countsGoDarkIncidentsAsTheGoDarkReportDoes() {
        assertThat(weeks(
                        "goDark",
                        w -> w.path("responseBreaches").asLong() + "+"
                                + w.path("brokenPromises").asLong()))
                .containsExactly("2026-11-02 1+0", "2026-11-09 1+1");
    }

    @Test
    void countsTheClocksThatMetTheirTargetAndThoseThatMissed() {
        assertThat(weeks(
                        "sla",
                        w -> w.path("met").asLong() + " met, "
                                + w.path("missed").asLong() + " missed, "
                                + (w.path("compliancePercent").isNull()
                                        ? "no compliance"
                                        : w.path("compliancePercent").asLong() + "%")))
                .as("the never-answered case's clocks still run: neither met nor missed")
                .containsExactly("2026-11-02 1 met, 1 missed, 50%", "2026-11-09 0 met, 0 missed, no compliance");
    }

    @Test
    void countsTheOwnersExecutiveRequestsInTheWeekTheyWereMade() {
        assertThat(escalation).as("the guard let the request through").isNotNull();
        assertThat(weeks("escalations", w -> w.path("executiveRequests").asLong() + " requested"))
                .containsExactly("2026-11-02 0 requested", "2026-11-09 1 requested");
        long climbs = jdbc.sql("select count(*) from case_escalation")
                .query(Long.class)
                .single();
        long shown = 0;
        for (var w : dashboard().path("escalations")) {
            shown += w.path("ladderClimbs").asLong();
        }
        assertThat(shown).as("every rung climbed in the period").isEqualTo(climbs);
    }

    @Test
    void countsWhoWasToldBeforeAskingAsTheDelayFiguresDo() {
        assertThat(weeks(
                        "delaysTold",
                        w -> w.path("toldBeforeAsking").asLong() + " told, "
                                + w.path("hadToAsk").asLong() + " asked, "
                                + w.path("toldPercent").asString() + "%"))
                .containsExactly("2026-11-02 2 told, 1 asked, 67%", "2026-11-09 0 told, 1 asked, 0%");
        var delays = admin.get("/api/v1/reports/delays" + PERIOD).json();
        assertThat(delays.path("toldBeforeAsking").asLong()).isEqualTo(2);
        assertThat(delays.path("hadToAsk").asLong()).isEqualTo(2);
    }

    private List<String> weeks(String figure, Function<JsonNode, String> describe) {
        var weeks = new ArrayList<String>();
        dashboard().path(figure).forEach(w -> weeks.add(w.path("weekStart").asString() + " " + describe.apply(w)));
        return weeks;
    }

    private JsonNode dashboard() {
        var response = admin.get("/api/v1/reports/experience" + PERIOD);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
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
                        new Actor("owner", "Dash Owner", Channel.PORTAL))
                .getId();
    }

    private void ask(boolean told, String askedAt) {
        var asked = Instant.parse(askedAt);
        jdbc.sql("insert into journey_delay_ask (case_id, customer_id, order_ref, milestone, told, told_at, asked_at)"
                        + " values (?, ?, ?, 'DELIVERED', ?, ?, ?)")
                .params(
                        9_000_000L + asked.getEpochSecond() % 1_000_000,
                        customerId,
                        "DASH-" + askedAt,
                        told,
                        told ? Timestamp.from(asked.minusSeconds(86_400)) : null,
                        Timestamp.from(asked))
                .update();
    }
}
