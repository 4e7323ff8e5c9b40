package io.directline.servicecenter;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.channel.Notices;
import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.servicecenter.appointment.Reminders;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.IsolatedDatabase;
import io.directline.testsupport.TravellingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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
 * Service centers over real HTTP, as an admin sets them up and agents route and book: the nearest center with room for
 * a point, full centers skipped, a booking that fills its seat, fifty bookings racing for the last seat (one wins, the
 * others hear the next free days), refusals for bad coordinates, services and days, the reminder the day before and a
 * completed visit in the owner's experience ledger.
 *
 * <p>The test's clock stands on Monday 2 November 2026, 09:00 in New York (the centers' zone), so "tomorrow" is Tuesday
 * the 3rd; the reminder test moves it on, and runs last. The class has a database of its own, so the nearest centers
 * are only this class's, and the reminder sweep runs only when the test sweeps.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"directline.servicecenter.reminder-interval=3650d", "directline.sla.watchdog-interval=3650d"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceCenterApiTests {

    private static final String OWN_SCHEMA =
            "centers_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TUESDAY = "2026-11-03";
    private static final String WEDNESDAY = "2026-11-04";
    private static final String THURSDAY = "2026-11-05";
    private static final String SUNDAY = "2026-11-08";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IsolatedDatabase.properties(OWN_SCHEMA).forEach((name, value) -> registry.add(name, () -> value));
    }

    @TestConfiguration
    static class Time {

        /** Monday 2 November 2026, 09:00 in New York. */
        @Bean
        @Primary
        TravellingClock travellingClock() {
            return new TravellingClock(Instant.parse("2026-11-02T14:00:00Z"));
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
    Reminders reminders;

    @Autowired
    Notices notices;

    private ApiClient admin;
    private ApiClient agent;

    @BeforeAll
    void signIn() {
        admin = IdentityFixtures.admin(port);
        agent = IdentityFixtures.staff(port, admin, "AGENT");
    }

    @Test
    @Order(1)
    void aPointInBostonGetsTheBostonCenterFirstAndAFullCenterIsSkipped() {
        long boston = ServiceCenterFixtures.create(
                admin,
                ServiceCenterFixtures.center("Boston", 42.3601, -71.0589, Map.of("TYRES", 2, "BATTERY", 1), List.of()));
        long worcester = ServiceCenterFixtures.create(
                admin,
                ServiceCenterFixtures.center(
                        "Worcester", 42.2626, -71.8023, Map.of("TYRES", 2, "BATTERY", 1), List.of()));
        long newYork = ServiceCenterFixtures.create(
                admin, ServiceCenterFixtures.center("New York", 40.7128, -74.0060, Map.of("TYRES", 4), List.of()));

        // Back Bay, Boston
        var nearest = agent.get("/api/v1/service-centers/nearest?lat=42.3503&lon=-71.0810&service=TYRES");
        assertThat(nearest.status()).as("%s", nearest).isEqualTo(200);
        var centers = nearest.json();
        assertThat(ids(centers)).containsSubsequence(boston, worcester, newYork);
        assertThat(centers.get(0).path("centerId").asLong()).isEqualTo(boston);
        var first = centers.get(0);
        assertThat(first.path("distanceMiles").asDouble()).isBetween(0.5, 3.0);
        assertThat(first.path("distanceKm").asDouble())
                .isCloseTo(first.path("distanceMiles").asDouble() * 1.609344, org.assertj.core.data.Offset.offset(0.2));
        assertThat(first.path("mobileServiceReaches").asBoolean())
                .as("within 25 miles, with vans")
                .isTrue();
        assertThat(centers.get(1).path("distanceMiles").asDouble()).isBetween(35.0, 45.0);
        assertThat(centers.get(1).path("mobileServiceReaches").asBoolean()).isFalse();
        assertThat(first.path("firstFreeSlots").get(0).path("day").asString())
                .as("from tomorrow")
                .isEqualTo(TUESDAY);
        assertThat(first.path("firstFreeSlots").get(0).path("free").asInt()).isEqualTo(2);

        // Boston's one battery seat is taken on both days asked about: it is skipped, Worcester is the nearest
        long owner = CustomerFixtures.registerOwner(admin, "Bea Battery");
        for (var day : List.of(TUESDAY, WEDNESDAY)) {
            var booked = book(agent, boston, owner, "BATTERY", day, null);
            assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        }
        var battery = agent.get("/api/v1/service-centers/nearest?lat=42.3503&lon=-71.0810&service=battery&days=2")
                .json();
        assertThat(battery.get(0).path("centerId").asLong()).isEqualTo(worcester);
        assertThat(ids(battery)).doesNotContain(boston).doesNotContain(newYork);
        // with a third day to look at, Boston has room again on Thursday
        var threeDays = agent.get("/api/v1/service-centers/nearest?lat=42.3503&lon=-71.0810&service=BATTERY&days=3")
                .json();
        assertThat(threeDays.get(0).path("centerId").asLong()).isEqualTo(boston);
        assertThat(threeDays.get(0).path("firstFreeSlots").get(0).path("day").asString())
                .isEqualTo(THURSDAY);
    }

    @Test
    @Order(2)
    void aBookingFillsItsSeatAndOfFiftyRacingForTheLastSeatOneWinsAndTheOthersHearTheNextFreeDays() throws Exception {
        var body = ServiceCenterFixtures.center("Anchorage", 61.2181, -149.9003, Map.of("SOFTWARE", 2), List.of());
        long center = ServiceCenterFixtures.create(admin, body);
        long owner = CustomerFixtures.registerOwner(admin, "Sol Software");
        var first = book(agent, center, owner, "SOFTWARE", WEDNESDAY, "09:30");
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().path("status").asString()).isEqualTo("BOOKED");
        assertThat(first.json().path("dropOff").asString()).startsWith("09:30");
        assertThat(freeOn(center, "SOFTWARE", WEDNESDAY))
                .as("one of two seats left")
                .isEqualTo(1);

        int racers = 50;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            var answers = new ArrayList<Future<ApiClient.Response>>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return book(agent, center, owner, "SOFTWARE", WEDNESDAY, null);
                }));
            }
            start.countDown();
            int won = 0;
            int refused = 0;
            for (var answer : answers) {
                var response = answer.get(120, TimeUnit.SECONDS);
                if (response.status() == 201) {
                    won++;
                } else {
                    var problem = assertProblem(response, 409);
                    assertThat(problem.path("title").asString()).isEqualTo("Full");
                    var next = each(problem.path("nextFreeSlots"), "day");
                    assertThat(next).as("the next free days").isNotEmpty().doesNotContain(WEDNESDAY);
                    assertThat(next.get(0)).isEqualTo(THURSDAY);
                    refused++;
                }
            }
            assertThat(won).as("exactly one booking of the last seat").isEqualTo(1);
            assertThat(refused).isEqualTo(racers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(freeOn(center, "SOFTWARE", WEDNESDAY))
                .as("Wednesday is full")
                .isZero();
        var booked = agent.get("/api/v1/customers/" + owner + "/appointments").json();
        assertThat(each(booked, "status")).containsExactly("BOOKED", "BOOKED");
    }

    @Test
    @Order(3)
    void badCoordinatesServicesAndDaysAreRefusedWithASentence() {
        var base = "/api/v1/service-centers/nearest?";
        assertThat(assertProblem(agent.get(base + "lat=91&lon=0&service=TYRES"), 400)
                        .path("detail")
                        .asString())
                .contains("lat", "-90 to 90");
        assertProblem(agent.get(base + "lat=-90.5&lon=0&service=TYRES"), 400);
        assertThat(assertProblem(agent.get(base + "lat=40&lon=-181&service=TYRES"), 400)
                        .path("detail")
                        .asString())
                .contains("lon");
        assertProblem(agent.get(base + "lat=north&lon=0&service=TYRES"), 400);
        assertProblem(agent.get(base + "lat=NaN&lon=0&service=TYRES"), 400);
        assertProblem(agent.get(base + "lon=0&service=TYRES"), 400);
        assertThat(assertProblem(agent.get(base + "lat=40&lon=-70&service=WIPERS"), 400)
                        .path("detail")
                        .asString())
                .contains("TYRES, BODY, BATTERY, SOFTWARE, MAINTENANCE", "WIPERS");
        assertProblem(agent.get(base + "lat=40&lon=-70&service=TYRES&days=0"), 400);
        assertProblem(agent.get(base + "lat=40&lon=-70&service=TYRES&days=1000"), 400);
        assertProblem(agent.get(base + "lat=40&lon=-70&service=TYRES&limit=0"), 400);

        var wrongLatitude = ServiceCenterFixtures.center("Nowhere", 100, 0, Map.of("TYRES", 1), List.of());
        assertThat(assertProblem(admin.post("/api/v1/service-centers", wrongLatitude), 400)
                        .path("field")
                        .asString())
                .isEqualTo("latitude");
        var wrongService = ServiceCenterFixtures.center("Nowhere", 10, 0, Map.of("WIPERS", 1), List.of());
        assertThat(assertProblem(admin.post("/api/v1/service-centers", wrongService), 400)
                        .path("detail")
                        .asString())
                .contains("TYRES, BODY, BATTERY, SOFTWARE, MAINTENANCE");
        var wrongZone = new HashMap<>(ServiceCenterFixtures.center("Nowhere", 10, 0, Map.of("TYRES", 1), List.of()));
        wrongZone.put("timeZone", "Mars/Olympus_Mons");
        assertProblem(admin.post("/api/v1/service-centers", wrongZone), 400);
        var agentCreates = ServiceCenterFixtures.center("Nowhere", 10, 0, Map.of("TYRES", 1), List.of());
        assertProblem(agent.post("/api/v1/service-centers", agentCreates), 403);

        // a holiday, a closed Sunday, a drop-off after closing and today: 409, each with the next free days
        long center = ServiceCenterFixtures.create(
                admin,
                ServiceCenterFixtures.center("Providence", 41.824, -71.4128, Map.of("BODY", 1), List.of(WEDNESDAY)));
        long owner = CustomerFixtures.registerOwner(admin, "Hal Holiday");
        var holiday = assertProblem(book(agent, center, owner, "BODY", WEDNESDAY, null), 409);
        assertThat(holiday.path("detail").asString()).contains("closed", "holiday");
        assertThat(each(holiday.path("nextFreeSlots"), "day")).startsWith(THURSDAY);
        var sunday = assertProblem(book(agent, center, owner, "BODY", SUNDAY, null), 409);
        assertThat(each(sunday.path("nextFreeSlots"), "day")).isNotEmpty().doesNotContain(SUNDAY);
        var late = assertProblem(book(agent, center, owner, "BODY", THURSDAY, "19:30"), 409);
        assertThat(late.path("detail").asString()).contains("08:00", "18:00");
        assertProblem(book(agent, center, owner, "BODY", "2026-11-02", null), 409);
        assertThat(assertProblem(book(agent, center, owner, "TYRES", THURSDAY, null), 400)
                        .path("detail")
                        .asString())
                .contains("does not offer TYRES");
        assertProblem(book(agent, center, owner, "PAINT", THURSDAY, null), 400);
        assertProblem(agent.post("/api/v1/service-centers/" + center + "/appointments", Map.of()), 400);
        assertProblem(book(agent, 999_999_999L, owner, "BODY", THURSDAY, null), 404);
        assertThat(agent.get("/api/v1/customers/" + owner + "/appointments").json())
                .as("nothing was booked")
                .isEmpty();
    }

    @Test
    @Order(4)
    void aRepeatedBookingReturnsTheFirstAndReschedulingAndCancellingFreeTheSeat() {
        long center = ServiceCenterFixtures.create(
                admin, ServiceCenterFixtures.center("Denver", 39.7392, -104.9903, Map.of("BODY", 2), List.of()));
        long owner = CustomerFixtures.registerOwner(admin, "Ida Idempotent");
        var headers = Map.of("Idempotency-Key", "visit-" + UUID.randomUUID());
        var body = "{\"customerId\":" + owner + ",\"service\":\"BODY\",\"day\":\"" + WEDNESDAY + "\"}";
        var once = agent.send(
                "POST", "/api/v1/service-centers/" + center + "/appointments", body, "application/json", headers);
        var twice = agent.send(
                "POST", "/api/v1/service-centers/" + center + "/appointments", body, "application/json", headers);
        assertThat(once.status()).as("%s", once).isEqualTo(201);
        assertThat(twice.id()).as("the same appointment").isEqualTo(once.id());
        assertThat(freeOn(center, "BODY", WEDNESDAY))
                .as("one seat taken, not two")
                .isEqualTo(1);

        var moved = agent.post(
                "/api/v1/appointments/" + once.id() + "/reschedule", Map.of("day", THURSDAY, "dropOff", "10:00"));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().path("day").asString()).isEqualTo(THURSDAY);
        assertThat(freeOn(center, "BODY", WEDNESDAY))
                .as("the old day's seat is free again")
                .isEqualTo(2);
        assertThat(freeOn(center, "BODY", THURSDAY)).isEqualTo(1);
        assertThat(assertProblem(
                                agent.post("/api/v1/appointments/" + once.id() + "/reschedule", Map.of("day", SUNDAY)),
                                409)
                        .path("nextFreeSlots"))
                .isNotEmpty();

        var cancelled = agent.post("/api/v1/appointments/" + once.id() + "/cancel", null);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(freeOn(center, "BODY", THURSDAY)).isEqualTo(2);
        assertProblem(agent.post("/api/v1/appointments/" + once.id() + "/cancel", null), 409);
        assertThat(notices.ofOwner(owner, 20).stream()
                        .map(io.directline.channel.SentNotice::subject)
                        .toList())
                .as("the owner heard of each change staff made, once")
                .containsExactlyInAnyOrder(
                        "Your service visit is booked: Wednesday 4 November 2026",
                        "Your service visit moves to Thursday 5 November 2026",
                        "Your service visit on Thursday 5 November 2026 is cancelled");
    }

    @Test
    @Order(99)
    void theOwnerIsRemindedTheDayBeforeAndACompletedVisitCountsInTheirLedger() {
        long center = ServiceCenterFixtures.create(
                admin, ServiceCenterFixtures.center("Miami", 25.7617, -80.1918, Map.of("MAINTENANCE", 3), List.of()));
        // the owner does not want to hear from us in the morning, in their own time zone
        var rita = CustomerFixtures.owner(port, admin, "Rita Reminder");
        long owner = rita.customerId();
        var quiet = rita.client()
                .patch(
                        "/api/v1/me",
                        Map.of(
                                "quietHours",
                                Map.of("from", "09:00", "until", "12:00"),
                                "timeZone",
                                "America/New_York"));
        assertThat(quiet.status()).as("%s", quiet).isEqualTo(200);
        var booked = book(agent, center, owner, "MAINTENANCE", WEDNESDAY, "08:30");
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        long id = booked.id();
        assertThat(notices.ofOwner(owner, 20))
                .as("an agent booked it: the owner is told")
                .anySatisfy(n ->
                        assertThat(n.subject()).isEqualTo("Your service visit is booked: Wednesday 4 November 2026"));

        // Tuesday 09:59 in New York: not yet
        clock.travelForwardTo(Instant.parse("2026-11-03T14:59:00Z"));
        reminders.sweep();
        assertThat(reminderOf(owner, id)).isEmpty();
        // Tuesday 10:01: the reminder goes, once
        clock.travelForwardTo(Instant.parse("2026-11-03T15:01:00Z"));
        assertThat(reminders.sweep()).isGreaterThanOrEqualTo(1);
        reminders.sweep();
        var reminder = reminderOf(owner, id);
        assertThat(reminder).hasSize(1);
        assertThat(reminder.get(0).subject()).contains("Reminder", "Wednesday 4 November 2026");
        assertThat(reminder.get(0).text()).contains("08:30", "Miami");
        assertThat(reminder.get(0).status())
                .as("at 10:01 the owner's quiet hours hold the reminder until noon")
                .isEqualTo("WAITING");
        assertThat(agent.get("/api/v1/appointments/" + id)
                        .json()
                        .path("remindedAt")
                        .isNull())
                .isFalse();

        // Wednesday 15:00: the center reports the car ready, on the day booked
        clock.travelForwardTo(Instant.parse("2026-11-04T20:00:00Z"));
        var done = agent.post("/api/v1/appointments/" + id + "/complete", null);
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.json().path("onTime").asBoolean()).isTrue();
        var entry = await().atMost(Duration.ofSeconds(20)).until(() -> visitEntry(owner), e -> e != null);
        assertThat(entry.path("sign").asInt()).isEqualTo(1);
        assertThat(entry.path("note").asString()).contains("Miami");
    }

    private List<io.directline.channel.SentNotice> reminderOf(long owner, long appointment) {
        return notices.ofOwner(owner, 20).stream()
                .filter(n -> ("visit:" + appointment).equals(n.source()))
                .filter(n -> n.subject().startsWith("Reminder"))
                .toList();
    }

    private JsonNode visitEntry(long owner) {
        for (var e : agent.get("/api/v1/customers/" + owner + "/experience")
                .json()
                .path("entries")
                .path("items")) {
            if ("SERVICE_VISIT".equals(e.path("source").asString())) {
                return e;
            }
        }
        return null;
    }

    static ApiClient.Response book(
            ApiClient client, long center, long owner, String service, String day, String dropOff) {
        var body = new HashMap<String, Object>();
        body.put("customerId", owner);
        body.put("service", service);
        body.put("day", day);
        if (dropOff != null) {
            body.put("dropOff", dropOff);
        }
        return client.post("/api/v1/service-centers/" + center + "/appointments", body);
    }

    private int freeOn(long center, String service, String day) {
        var c = agent.get("/api/v1/service-centers/" + center).json();
        var answer = agent.get("/api/v1/service-centers/nearest?lat="
                        + c.path("latitude").asDouble() + "&lon="
                        + c.path("longitude").asDouble() + "&service=" + service + "&days=10&limit=1")
                .json();
        if (answer.isEmpty() || answer.get(0).path("centerId").asLong() != center) {
            return 0;
        }
        for (var slot : answer.get(0).path("firstFreeSlots")) {
            if (slot.path("day").asString().equals(day)) {
                return slot.path("free").asInt();
            }
        }
        return 0;
    }

    private static List<Long> ids(JsonNode centers) {
        var out = new ArrayList<Long>();
        centers.forEach(c -> out.add(c.path("centerId").asLong()));
        return out;
    }
}
