package io.directline.journey.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.channel.Notices;
import io.directline.channel.SentNotice;
import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.journey.Milestone;
import io.directline.journey.OrderSegments;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.IsolatedDatabase;
import io.directline.testsupport.ScreenClient;
import io.directline.testsupport.TravellingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * Delays told before the owner asks, over the API: orders put ({@code PUT /api/v1/orders/{ref}}) and estimates moved
 * ({@code POST /api/v1/orders/{ref}/milestones/DELIVERED/estimate}) as the system of record does, the delay watch swept
 * by hand as the test's clock moves past the hold, the notices read as the owner will get them
 * ({@link Notices#ofOwner}) and on the owner's portal, the owner's own cases opened through the portal's API, and the
 * figures read from {@code GET /api/v1/reports/delays}.
 *
 * <p>The delay watch claims every due row of its database at the time its clock shows, and the figures count every
 * case asked; so this class has a database of its own (a schema on PostgreSQL), and the watch runs only when the test
 * sweeps.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"directline.journey.delay-watch-interval=3650d", "directline.sla.watchdog-interval=3650d"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelayNoticeApiTests {

    private static final String OWN_SCHEMA =
            "delays_" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration HOLD = Duration.ofMinutes(30);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IsolatedDatabase.properties(OWN_SCHEMA).forEach((name, value) -> registry.add(name, () -> value));
    }

    @TestConfiguration
    static class Time {

        /** Monday 2 November 2026. */
        @Bean
        @Primary
        TravellingClock travellingClock() {
            return new TravellingClock(Instant.parse("2026-11-02T09:00:00Z"));
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
    DelayWatch watch;

    @Autowired
    Notices notices;

    @Autowired
    OrderSegments segments;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Asks asks;

    private ApiClient admin;

    @BeforeAll
    void signIn() {
        admin = IdentityFixtures.admin(port);
    }

    @Test
    void ownerHearsOfTheirDelayOnceWithTheOldAndNewDateAndTheReason() {
        long owner = CustomerFixtures.registerOwner(admin, "Greta Delay");
        var greta = IdentityFixtures.createLogin(admin, "OWNER", owner);
        var ref = newOrder(owner, "2027-03-01");

        moveDelivery(ref, "2027-03-20", "The battery supplier's plant was flooded");
        awaitHeld(ref, 1);

        assertThat(watch.sweep()).as("nothing is due before the hold ends").isZero();
        assertThat(delayNotices(owner)).isEmpty();

        clock.advance(HOLD.plusMinutes(1));
        watch.sweep();
        var told = delayNotices(owner);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).text())
                .contains(ref)
                .contains("1 March 2027")
                .contains("20 March 2027")
                .contains("The battery supplier's plant was flooded");
        var portal =
                ScreenClient.signedIn(port, greta, IdentityFixtures.PASSWORD).get("/portal/notices");
        assertThat(portal.body())
                .as("the owner reads it on the portal")
                .contains(ref)
                .contains("20 March 2027")
                .contains("The battery supplier&#39;s plant was flooded");

        // the same estimate again, from the system of record: no second notice
        moveDelivery(ref, "2027-03-20", "The battery supplier's plant was flooded");
        clock.advance(HOLD.plusMinutes(1));
        watch.sweep();
        assertThat(delayNotices(owner)).as("one notice per estimate").hasSize(1);

        // a further slip is told again, after the owner's notice gap, from the date they were told last
        moveDelivery(ref, "2027-04-10", "The ship was rerouted around the Cape");
        awaitHeld(ref, 2);
        clock.advance(HOLD.plusMinutes(1));
        watch.sweep();
        assertThat(delayNotices(owner))
                .as("inside the notice gap the next one waits")
                .hasSize(1);

        clock.advance(Duration.ofHours(4));
        watch.sweep();
        var again = delayNotices(owner);
        assertThat(again).hasSize(2);
        assertThat(again.get(0).text())
                .contains("20 March 2027")
                .contains("10 April 2027")
                .contains("The ship was rerouted around the Cape");
    }

    @Test
    void aBroadcastThatTellsTheOwnerBeforeTheHoldEndsWins() {
        long owner = CustomerFixtures.registerOwner(admin, "Hugo Broadcast");
        var ref = newOrder(owner, "2027-05-01");

        moveDelivery(ref, "2027-06-01", "Paint shop retooling");
        awaitHeld(ref, 1);
        segments.markTold(List.of(ref), Milestone.DELIVERED, "broadcast:77", clock.instant());

        clock.advance(HOLD.plusMinutes(1));
        watch.sweep();
        assertThat(delayNotices(owner))
                .as("the broadcast told them; no personal notice")
                .isEmpty();
    }

    @Test
    void ownerWhoWritesBeforeBeingToldHadToAskAndOneToldFirstDidNot() {
        var from = clock.instant();
        var asking = CustomerFixtures.owner(port, admin, "Ines Asking");
        var askingRef = newOrder(asking.customerId(), "2027-07-01");
        var told = CustomerFixtures.owner(port, admin, "Jonas Told");
        var toldRef = newOrder(told.customerId(), "2027-07-01");

        moveDelivery(askingRef, "2027-08-01", "A strike at the port");
        moveDelivery(toldRef, "2027-08-01", "A strike at the port");
        awaitHeld(askingRef, 1);
        awaitHeld(toldRef, 1);

        // the first owner writes before anyone told them
        var asked = asking.client()
                .post(
                        "/api/v1/me/cases",
                        Map.of("subject", "Where is my car?", "body", "No news at all.", "orderId", askingRef));
        assertThat(asked.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> asks.ofCase(asked.id()).isPresent());

        clock.advance(HOLD.plusMinutes(1));
        watch.sweep();
        assertThat(delayNotices(told.customerId())).hasSize(1);

        // the second writes after our notice, naming the order in the message
        clock.advance(Duration.ofMinutes(5));
        var toldAsks = told.client()
                .post(
                        "/api/v1/me/cases",
                        Map.of("subject", "New date", "body", "Is the new date for " + toldRef + " certain?"));
        assertThat(toldAsks.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var figures = admin.get("/api/v1/reports/delays?from=" + from + "&to="
                            + clock.instant().plusSeconds(1))
                    .json();
            assertThat(figures.path("hadToAsk").asLong()).isEqualTo(1);
            assertThat(figures.path("toldBeforeAsking").asLong()).isEqualTo(1);
            assertThat(figures.path("personalNotices").asLong()).isEqualTo(2);
        });

        var agent = ScreenClient.signedIn(
                port, IdentityFixtures.createLogin(admin, "AGENT", null), IdentityFixtures.PASSWORD);
        var casePage = agent.get("/cases/" + asked.id()).body();
        assertThat(casePage).contains("had to ask").contains("#owner-orders").contains(askingRef);
        assertThat(agent.get("/cases/" + toldAsks.id()).body()).contains("told before asking");

        // the supervisor's screen draws the week, lists it under the chart, and gives it as a CSV file
        var supervisor = ScreenClient.signedIn(
                port, IdentityFixtures.createLogin(admin, "SUPERVISOR", null), IdentityFixtures.PASSWORD);
        var period = "from=2026-11-02&to=2026-11-08";
        var screen = supervisor.get("/supervisor/delays?" + period).body();
        assertThat(screen)
                .contains("id=\"delays-chart\"")
                .contains("Week of 2 Nov 2026: 1 told before asking, 1 had to ask")
                .contains("class=\"bar bar-told\"")
                .contains("class=\"bar bar-asked\"")
                .contains("/supervisor/delays/weeks.csv?from=2026-11-02&amp;to=2026-11-08");
        var csv = supervisor.get("/supervisor/delays/weeks.csv?" + period);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw().headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment")
                .contains("delays-by-week-2026-11-02-to-2026-11-08.csv");
        assertThat(csv.body().lines().toList())
                .containsExactly("week_start,told_before_asking,had_to_ask,told_percent", "2026-11-02,1,1,50");
        assertThat(agent.get("/supervisor/delays/weeks.csv?" + period).status())
                .as("an agent may not download the figures")
                .isEqualTo(403);
    }

    /** An order as the system of record puts it: {@code PUT /api/v1/orders/{ref}}. */
    private String newOrder(long customerId, String promisedDelivery) {
        var ref = "ORD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var put = admin.put(
                "/api/v1/orders/" + ref,
                Map.of(
                        "customerId",
                        customerId,
                        "model",
                        "Aurora",
                        "region",
                        "Bavaria",
                        "milestones",
                        Map.of("DELIVERED", Map.of("promised", promisedDelivery))));
        assertThat(put.status()).as("%s", put).isEqualTo(201);
        return ref;
    }

    /**
     * What the system of record says: the delivery estimate moves, for a reason
     * ({@code POST /api/v1/orders/{ref}/milestones/DELIVERED/estimate}).
     */
    private void moveDelivery(String ref, String date, String reason) {
        var moved = admin.post(
                "/api/v1/orders/" + ref + "/milestones/DELIVERED/estimate", Map.of("date", date, "reason", reason));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().path("delayed").asBoolean()).isTrue();
    }

    private void awaitHeld(String ref, int estimates) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from journey_delay_notice where order_ref = ?", Long.class, ref)
                        >= estimates);
    }

    private List<SentNotice> delayNotices(long customerId) {
        return notices.ofOwner(customerId, 10).stream()
                .filter(n -> n.source().startsWith("delay:"))
                .toList();
    }
}
