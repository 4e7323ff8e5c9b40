package io.directline.experience.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.experience.EntrySource;
import io.directline.experience.ledger.Ledger;
import io.directline.experience.ledger.LedgerEntry;
import io.directline.experience.ledger.NewEntry;
import io.directline.identity.IdentityFixtures;
import io.directline.journey.Milestone;
import io.directline.journey.MilestonePlan;
import io.directline.journey.OrderDetails;
import io.directline.journey.Orders;
import io.directline.journey.Price;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.IsolatedDatabase;
import io.directline.testsupport.TravellingClock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
 * The experience's own figures of the executive dashboard over real HTTP: standings made by the real {@link Ledger}
 * (one owner's lifetime value from a real order), cases opened through {@link CaseManagement}, and surveys and
 * recoveries written as their schema says (the code that writes them is not in this module yet).
 *
 * <p>The histogram and the owners at risk count every owner there is, so this class has a database of its own, and
 * no watchdog sweeps: no SLA event adds an entry of its own to the ledger.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "directline.sla.watchdog-interval=3650d")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTests {

    private static final String OWN_SCHEMA =
            "dashboard_" + UUID.randomUUID().toString().substring(0, 8);

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
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    Ledger ledger;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    private final AtomicLong surveyCases = new AtomicLong(8_000_000);
    private ApiClient admin;
    private long anna;
    private long bert;
    private long cleo;
    private long dora;
    private long emil;
    private long finn;
    private final List<LedgerEntry> annaEntries = new ArrayList<>();

    @BeforeAll
    void standingsSurveysRecoveriesAndCases() {
        admin = IdentityFixtures.admin(port);
        anna = owner("Anna Dash");
        bert = owner("Bert Dash");
        cleo = owner("Cleo Dash");
        dora = owner("Dora Dash");
        emil = owner("Emil Dash");
        finn = owner("Finn Dash");
        orders.upsert(
                "DASH-" + UUID.randomUUID().toString().substring(0, 8),
                new OrderDetails(
                        anna,
                        "Aurora GT",
                        null,
                        null,
                        null,
                        null,
                        null,
                        Set.of(),
                        Map.of(
                                Milestone.ORDER_CONFIRMED,
                                new MilestonePlan(LocalDate.of(2025, 11, 1), null, LocalDate.of(2025, 11, 1))),
                        null,
                        "test",
                        Price.usd(210_000)));

        // Balances (one bad experience weighs 12 good ones): Anna −24, Bert −12, Cleo −6, Finn 0, Dora 1, Emil 12.
        annaEntries.add(entry(anna, -1, 1));
        annaEntries.add(entry(anna, -1, 1));
        var bertEntry = entry(bert, -1, 1);
        var cleoEntry = entry(cleo, -1, 1);
        entry(cleo, 1, 6);
        entry(finn, -1, 1);
        entry(finn, 1, 12);
        var doraEntry = entry(dora, 1, 1);
        entry(emil, 1, 12);

        long playbook = jdbc.sql("insert into recovery_playbook (name, trigger_source, enabled, apology, updated_by,"
                        + " updated_at) values ('Dashboard test', 'MANUAL', true, true, 'test', ?)")
                .param(Timestamp.from(clock.instant()))
                .update();
        assertThat(playbook).isEqualTo(1);
        long playbookId = jdbc.sql("select id from recovery_playbook where name = 'Dashboard test'")
                .query(Long.class)
                .single();
        recovery(playbookId, bert, bertEntry, "2026-11-03T10:00:00Z", "RECOVERED", "2026-11-05T10:00:00Z");
        recovery(playbookId, anna, annaEntries.get(0), "2026-11-04T10:00:00Z", "LAPSED", "2026-11-08T10:00:00Z");
        recovery(playbookId, cleo, cleoEntry, "2026-11-10T10:00:00Z", "OPEN", null);
        recovery(playbookId, dora, doraEntry, "2026-11-12T10:00:00Z", "RECOVERED", "2026-11-13T10:00:00Z");
        // started before the period: not counted, though it ended in it
        recovery(playbookId, anna, annaEntries.get(1), "2026-10-20T10:00:00Z", "LAPSED", "2026-11-03T10:00:00Z");

        // Week of 2 November: CSAT 5 (Bert, after his recovery), 4, 2 and one unanswered; NPS 10, 9, 7, 3.
        survey(bert, "CSAT", 5, "2026-11-06T09:00:00Z");
        survey(anna, "CSAT", 4, "2026-11-03T09:00:00Z");
        survey(cleo, "CSAT", 2, "2026-11-04T09:00:00Z");
        survey(emil, "CSAT", null, null);
        survey(emil, "NPS", 10, "2026-11-02T12:00:00Z");
        survey(finn, "NPS", 9, "2026-11-03T12:00:00Z");
        survey(anna, "NPS", 7, "2026-11-04T12:00:00Z");
        survey(bert, "NPS", 3, "2026-11-02T13:00:00Z"); // before his recovery ended
        // Week of 9 November: CSAT 1; NPS 6 (Dora, before her recovery ended).
        survey(cleo, "CSAT", 1, "2026-11-10T09:00:00Z");
        survey(dora, "NPS", 6, "2026-11-11T09:00:00Z");
        // before the period
        survey(finn, "CSAT", 5, "2026-10-20T09:00:00Z");

        // Cases opened: e-mail and portal in the first week, e-mail and SMS in the second, phone after the period.
        open(finn, Channel.EMAIL, "2026-11-02T09:00:00Z");
        open(finn, Channel.PORTAL, "2026-11-03T09:00:00Z");
        open(finn, Channel.EMAIL, "2026-11-10T09:00:00Z");
        open(finn, Channel.SMS, "2026-11-10T10:00:00Z");
        open(finn, Channel.PHONE, "2026-11-16T10:00:00Z");
    }

    @Test
    void drawsTheBalanceOfEveryOwnerAsAHistogramNotOnlyAnAverage() {
        var balance = dashboard(PERIOD).path("balance");

        assertThat(balance.path("owners").asLong()).isEqualTo(6);
        assertThat(balance.path("average").asDouble())
                .as("(−24 −12 −6 + 0 + 1 + 12) / 6")
                .isEqualTo(-4.8);
        var buckets = new ArrayList<String>();
        balance.path("buckets")
                .forEach(b -> buckets.add(
                        b.path("label").asString() + "=" + b.path("owners").asLong()));
        assertThat(buckets)
                .containsExactly(
                        "−24 or less=1", "−23 to −12=1", "−11 to −1=1", "0=1", "1 to 5=1", "6 to 11=0", "12 or more=1");
    }

    @Test
    void countsTheOwnersAtRiskAndTheValueAtStakeAsTheLedgerKeepsIt() {
        var atRisk = dashboard(PERIOD).path("atRisk");
        var annaAtStake = ledger.standingOf(anna).valueAtRisk();

        assertThat(annaAtStake).as("Anna bought a car").isGreaterThan(BigDecimal.valueOf(10_000));
        assertThat(atRisk.path("owners").asLong()).as("Anna, Bert and Cleo").isEqualTo(3);
        assertThat(new BigDecimal(atRisk.path("valueAtRisk").asString()))
                .isEqualByComparingTo(annaAtStake
                        .add(ledger.standingOf(bert).valueAtRisk())
                        .add(ledger.standingOf(cleo).valueAtRisk()));
        long inAnnasBand = 0;
        for (var band : atRisk.path("bands")) {
            boolean annas =
                    annaAtStake.compareTo(BigDecimal.valueOf(band.path("lowest").asLong(0))) >= 0
                            && (band.path("below").isNull()
                                    || annaAtStake.compareTo(BigDecimal.valueOf(
                                                    band.path("below").asLong()))
                                            < 0);
            if (annas) {
                inAnnasBand = band.path("owners").asLong();
            }
        }
        assertThat(inAnnasBand).as("Anna's band holds her alone").isEqualTo(1);
        assertThat(atRisk.path("bands").get(0).path("owners").asLong())
                .as("Bert and Cleo bought nothing: nothing at stake")
                .isEqualTo(2);
    }

    @Test
    void countsCsatAndNpsPerWeekFromTheAnswersOfThePeriod() {
        var surveys = dashboard(PERIOD).path("surveys");

        var weeks = new ArrayList<String>();
        surveys.path("weeks")
                .forEach(w -> weeks.add(w.path("weekStart").asString() + " CSAT "
                        + w.path("satisfied").asLong() + "/"
                        + w.path("csatAnswers").asLong() + "="
                        + w.path("csatPercent").asString() + "% NPS "
                        + w.path("promoters").asLong() + "/"
                        + w.path("passives").asLong() + "/"
                        + w.path("detractors").asLong() + "=" + w.path("nps").asString()));
        assertThat(weeks)
                .containsExactly(
                        "2026-11-02 CSAT 2/3=67% NPS 2/1/1=25", //
                        "2026-11-09 CSAT 0/1=0% NPS 0/0/1=-100");
        var total = surveys.path("total");
        assertThat(total.path("csatPercent").asLong()).as("2 of 4").isEqualTo(50);
        assertThat(total.path("nps").asLong()).as("(2 − 2) of 5").isEqualTo(0);
    }

    @Test
    void comparesTheRecoveryRateAndTheRecoveredOwnersLaterScores() {
        var recovery = dashboard(PERIOD).path("recovery");

        assertThat(recovery.path("started").asLong()).isEqualTo(4);
        assertThat(recovery.path("recovered").asLong()).isEqualTo(2);
        assertThat(recovery.path("lapsed").asLong()).isEqualTo(1);
        assertThat(recovery.path("open").asLong()).isEqualTo(1);
        assertThat(recovery.path("rate").asDouble()).as("2 of the 3 that ended").isEqualTo(0.6667);
        var weeks = new ArrayList<String>();
        recovery.path("weeks")
                .forEach(w -> weeks.add(w.path("weekStart").asString() + " "
                        + w.path("recovered").asLong() + "/" + w.path("lapsed").asLong() + "/"
                        + w.path("open").asLong()));
        assertThat(weeks).containsExactly("2026-11-02 1/1/0", "2026-11-09 1/0/1");
        var csat = recovery.path("laterScores").get(0);
        assertThat(csat.path("kind").asString()).isEqualTo("CSAT");
        assertThat(csat.path("recoveredAnswers").asLong())
                .as("Bert, after his recovery")
                .isEqualTo(1);
        assertThat(csat.path("recoveredAverage").asDouble()).isEqualTo(5.0);
        assertThat(csat.path("otherAnswers").asLong()).isEqualTo(3);
        assertThat(csat.path("othersAverage").asDouble()).as("(4 + 2 + 1) / 3").isEqualTo(2.3);
        var nps = recovery.path("laterScores").get(1);
        assertThat(nps.path("recoveredAnswers").asLong()).isZero();
        assertThat(nps.path("recoveredAverage").isNull()).isTrue();
        assertThat(nps.path("othersAverage").asDouble())
                .as("(10 + 9 + 7 + 3 + 6) / 5")
                .isEqualTo(7.0);
    }

    @Test
    void countsTheCasesOpenedPerChannelAndWeek() {
        var report = dashboard(PERIOD);

        assertThat(report.path("weekStarts").toString()).isEqualTo("[\"2026-11-02\",\"2026-11-09\"]");
        var channels = new ArrayList<String>();
        report.path("channels")
                .forEach(c -> channels.add(c.path("channel").asString() + " "
                        + c.path("cases").asLong() + " " + c.path("weeks").toString()));
        assertThat(channels)
                .as("the phone case came after the period")
                .contains("EMAIL 2 [1,1]", "PORTAL 1 [1,0]", "SMS 1 [0,1]", "PHONE 0 [0,0]");
    }

    @Test
    void refusesAPeriodItCannotReadWithAProblemNotAServerError() {
        var garbled = admin.get("/api/v1/reports/experience?from=yesterday");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.contentType()).startsWith("application/problem+json");
        assertThat(garbled.json().path("field").asString()).isEqualTo("from");

        var backwards = admin.get("/api/v1/reports/experience?from=2026-11-15&to=2026-11-02");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("detail").asString()).contains("must be before");
    }

    private JsonNode dashboard(String query) {
        var response = admin.get("/api/v1/reports/experience" + query);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private long owner(String name) {
        return customers.register(CustomerFixtures.owner(name)).getId();
    }

    private LedgerEntry entry(long customerId, int sign, int weight) {
        return ledger.record(new NewEntry(
                        customerId,
                        EntrySource.MANUAL,
                        sign,
                        weight,
                        null,
                        null,
                        "Dashboard test",
                        "dashboard-test:" + UUID.randomUUID(),
                        Instant.parse("2026-10-15T10:00:00Z"),
                        "test"))
                .orElseThrow();
    }

    private void recovery(
            long playbookId, long customerId, LedgerEntry entry, String startedAt, String status, String endedAt) {
        jdbc.sql("insert into recovery (customer_id, playbook_id, entry_id, status, balance_at_start, started_at,"
                        + " ended_at, open_owner) values (?, ?, ?, ?, -12, ?, ?, ?)")
                .params(
                        customerId,
                        playbookId,
                        entry.id(),
                        status,
                        Timestamp.from(Instant.parse(startedAt)),
                        endedAt == null ? null : Timestamp.from(Instant.parse(endedAt)),
                        "OPEN".equals(status) ? customerId : null)
                .update();
    }

    private void survey(long customerId, String kind, Integer score, String answeredAt) {
        var answered = answeredAt == null ? null : Instant.parse(answeredAt);
        var sent = answered == null ? Instant.parse("2026-11-02T08:00:00Z") : answered.minusSeconds(3600);
        jdbc.sql("insert into survey (customer_id, case_id, kind, channel, sent_at, expires_at, answered_at, score,"
                        + " answered_on) values (?, ?, ?, 'EMAIL', ?, ?, ?, ?, ?)")
                .params(
                        customerId,
                        surveyCases.incrementAndGet(),
                        kind,
                        Timestamp.from(sent),
                        Timestamp.from(sent.plusSeconds(14 * 24 * 3600)),
                        answered == null ? null : Timestamp.from(answered),
                        score,
                        answered == null ? null : "EMAIL")
                .update();
    }

    private void open(long customerId, Channel channel, String at) {
        clock.travelTo(Instant.parse(at));
        cases.open(
                new OpenCase(
                        customerId,
                        "Dashboard " + channel,
                        "Please call me.",
                        channel,
                        Priority.NORMAL,
                        "dashboard",
                        null,
                        null),
                new Actor("finn", "Finn Dash", channel));
    }
}
