package io.directline.servicecenter.coverage;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.directline.customer.Address;
import io.directline.customer.Channel;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerManagement;
import io.directline.identity.IdentityFixtures;
import io.directline.servicecenter.ServiceCenterFixtures;
import io.directline.servicecenter.center.GreatCircle;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.IsolatedDatabase;
import io.directline.testsupport.UniqueNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The coverage analysis over real HTTP, on a known layout: service centers in Boston and Chicago, 100 owners around
 * Boston (MA), 20 around Chicago (IL) and 60 around Denver (CO), 900 miles from either center. Colorado's p90 is the
 * Denver–Chicago distance, the first proposed site lands by Denver and brings its 60 owners within 50 miles, and the
 * exports say the same. The class has a database of its own, since the analysis counts every owner there is.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"directline.servicecenter.reminder-interval=3650d", "directline.sla.watchdog-interval=3650d"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoverageApiTests {

    private static final String OWN_SCHEMA =
            "coverage_" + UUID.randomUUID().toString().substring(0, 8);

    static final double[] BOSTON = {42.3601, -71.0589};
    static final double[] CHICAGO = {41.8781, -87.6298};
    static final double[] DENVER = {39.7392, -104.9903};

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IsolatedDatabase.properties(OWN_SCHEMA).forEach((name, value) -> registry.add(name, () -> value));
    }

    @TestConfiguration
    static class Cleanup {

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
    CustomerManagement customers;

    private ApiClient admin;
    private ApiClient supervisor;
    private long bostonCenter;
    private long bostonOwner;

    @BeforeAll
    void layout() {
        admin = IdentityFixtures.admin(port);
        supervisor = IdentityFixtures.staff(port, admin, "SUPERVISOR");
        bostonCenter = ServiceCenterFixtures.create(
                admin, ServiceCenterFixtures.center("Boston", BOSTON[0], BOSTON[1], Map.of("TYRES", 4), List.of()));
        ServiceCenterFixtures.create(
                admin, ServiceCenterFixtures.center("Chicago", CHICAGO[0], CHICAGO[1], Map.of("TYRES", 4), List.of()));
        bostonOwner = ownersAround(customers, BOSTON, "MA", 100, 1);
        ownersAround(customers, CHICAGO, "IL", 20, 2);
        ownersAround(customers, DENVER, "CO", 60, 3);
    }

    /** {@code count} owners within a few miles of the point, in the region. */
    static long ownersAround(CustomerManagement customers, double[] at, String region, int count, long seed) {
        var random = new Random(seed);
        var owners = new ArrayList<CustomerDetails>();
        for (int i = 0; i < count; i++) {
            double lat = at[0] + random.nextGaussian() * 0.02;
            double lon = at[1] + random.nextGaussian() * 0.02;
            owners.add(new CustomerDetails(
                    "Owner " + region + " " + i,
                    UniqueNames.unique("coverage") + "@example.org",
                    null,
                    Channel.EMAIL,
                    null,
                    "America/New_York",
                    new Address("1 Elm Street", "Somewhere", "00000", region, "US", lat, lon),
                    BigDecimal.valueOf(50_000),
                    Map.of(),
                    null));
        }
        return customers.registerAll(owners).get(0).getId();
    }

    @Test
    @Order(1)
    void refusesKOfZeroAndAboveFiftyWithASentence() {
        for (var k : List.of("0", "51", "-3", "many")) {
            var refused = supervisor.post("/api/v1/reports/coverage?k=" + k, Map.of());
            var problem = assertProblem(refused, 400);
            assertThat(problem.path("detail").asString()).contains("from 1 to 50");
            assertThat(problem.path("field").asString()).isEqualTo("k");
        }
        assertThat(supervisor
                        .get("/api/v1/reports/coverage")
                        .json()
                        .path("running")
                        .isNull())
                .as("no analysis started")
                .isTrue();
    }

    @Test
    @Order(2)
    void aRunShowsItsProgressThenTheResultWithTheFirstSiteByDenver() {
        var started = supervisor.post("/api/v1/reports/coverage?k=3", Map.of());
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        assertThat(started.header("Location")).endsWith("/api/v1/reports/coverage");
        var run = started.json().path("run");
        assertThat(run.path("k").asInt()).isEqualTo(3);
        assertThat(run.path("percent").asInt()).isBetween(0, 100);
        assertThat(run.path("phaseLabel").asString()).isNotBlank();

        var result = finished();
        assertThat(result.path("k").asInt()).isEqualTo(3);
        assertThat(result.path("owners").asLong()).isEqualTo(180);
        assertThat(result.path("finishedAt").asString()).isNotBlank();

        var regions = byRegion(result);
        double denverToChicago = GreatCircle.miles(DENVER[0], DENVER[1], CHICAGO[0], CHICAGO[1]);
        assertThat(regions.get("CO").path("owners").asLong()).isEqualTo(60);
        assertThat(regions.get("CO").path("p90Miles").asDouble()).isCloseTo(denverToChicago, within(6.0));
        assertThat(regions.get("CO").path("within50").asLong()).isZero();
        assertThat(regions.get("MA").path("p90Miles").asDouble()).isLessThanOrEqualTo(6.0);
        assertThat(regions.get("MA").path("within50").asLong()).isEqualTo(100);
        assertThat(result.path("regions").get(0).path("region").asString())
                .as("the worst region first")
                .isEqualTo("CO");

        assertThat(result.path("before").path("within50").asLong()).isEqualTo(120);
        var cluster = result.path("clusters").get(0);
        assertThat(cluster.path("farOwners").asLong()).isEqualTo(60);
        assertThat(cluster.path("nearestCity").asString()).isEqualTo("Denver, CO");

        var first = result.path("sites").get(0);
        assertThat(GreatCircle.miles(
                        first.path("latitude").asDouble(),
                        first.path("longitude").asDouble(),
                        DENVER[0],
                        DENVER[1]))
                .as("the first site lands by Denver")
                .isLessThan(15);
        assertThat(first.path("nearestCity").asString()).isEqualTo("Denver, CO");
        assertThat(first.path("ownersBroughtWithin50").asLong()).isEqualTo(60);
        assertThat(first.path("within50After").asLong()).isEqualTo(180);
        assertThat(first.path("p90MilesAfter").asDouble()).isLessThan(10);
        assertThat(result.path("after").path("within50").asLong()).isEqualTo(180);
        assertThat(result.path("after").path("p90Miles").asDouble())
                .isLessThan(result.path("before").path("p90Miles").asDouble());
        assertThat(result.path("cells").size()).isPositive();
    }

    @Test
    @Order(3)
    void theSitesAreGeoJsonPointsAndTheRegionsACsvRowEach() {
        var geo = supervisor.get("/api/v1/reports/coverage/sites.geojson");
        assertThat(geo.status()).as("%s", geo).isEqualTo(200);
        assertThat(geo.contentType()).startsWith("application/geo+json");
        var collection = geo.json();
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        int proposed = 0;
        int centers = 0;
        for (var feature : collection.path("features")) {
            assertThat(feature.path("type").asString()).isEqualTo("Feature");
            assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Point");
            var coordinates = feature.path("geometry").path("coordinates");
            assertThat(coordinates.size()).isEqualTo(2);
            assertThat(coordinates.get(0).asDouble()).as("longitude first").isBetween(-180.0, -60.0);
            assertThat(coordinates.get(1).asDouble()).as("latitude second").isBetween(20.0, 50.0);
            if (feature.path("properties").path("kind").asString().equals("proposed-site")) {
                proposed++;
            } else {
                assertThat(feature.path("properties").path("kind").asString()).isEqualTo("service-center");
                centers++;
            }
        }
        assertThat(proposed).isBetween(1, 3);
        assertThat(centers).isEqualTo(2);
        var first = collection.path("features").get(0).path("geometry").path("coordinates");
        assertThat(GreatCircle.miles(first.get(1).asDouble(), first.get(0).asDouble(), DENVER[0], DENVER[1]))
                .isLessThan(15);

        var csv = supervisor.get("/api/v1/reports/coverage/regions.csv");
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("region,owners,p50_miles,p90_miles,max_miles,within_50_miles");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("CO,60,");
    }

    @Test
    @Order(4)
    void aSecondStartIsNeverRefused() {
        var first = supervisor.post("/api/v1/reports/coverage?k=2", Map.of());
        var second = admin.post("/api/v1/reports/coverage?k=7", Map.of());
        assertThat(first.status()).as("%s", first).isEqualTo(202);
        assertThat(second.status())
                .as("the running one, or a new run: %s", second)
                .isEqualTo(202);
        assertThat(second.json().path("run").path("runId").asString()).isNotBlank();
        finished();
    }

    @Test
    @Order(5)
    void serviceVisitFiguresCountTheBookingsAndTheSeatsTaken() {
        var booked = admin.post(
                "/api/v1/service-centers/" + bostonCenter + "/appointments",
                Map.of("customerId", bostonOwner, "service", "TYRES", "day", ServiceCenterFixtures.openDay()));
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);

        var figures = supervisor.get("/api/v1/reports/service-visits");
        assertThat(figures.status()).as("%s", figures).isEqualTo(200);
        assertThat(figures.json().path("centers").size()).isEqualTo(2);
        var boston = figures.json().path("centers").get(0);
        assertThat(boston.path("centerId").asLong()).as("the busiest first").isEqualTo(bostonCenter);
        assertThat(boston.path("bookedNext30Days").asLong()).isEqualTo(1);
        assertThat(boston.path("bookedLast30Days").asLong()).isZero();
        assertThat(boston.path("seatsBookedNext30Days").asLong()).isEqualTo(1);
        long seats = boston.path("seatsNext30Days").asLong();
        assertThat(seats).as("4 seats a day, six days a week").isBetween(4L * 24, 4L * 27);
        assertThat(boston.path("utilisationPercent").asDouble())
                .isCloseTo(Math.round(1000.0 / seats) / 10.0, within(0.01));
        assertThat(boston.path("daysToFirstFreeSeat").asInt()).isBetween(1, 2);
        var chicago = figures.json().path("centers").get(1);
        assertThat(chicago.path("bookedNext30Days").asLong()).isZero();
        assertThat(figures.json().path("regions").get(0).path("region").asString())
                .isEqualTo("MA");
        assertThat(figures.json().path("regions").get(0).path("centers").asInt())
                .isEqualTo(2);
    }

    /** Waits for the running analysis to finish and answers the last result. */
    private JsonNode finished() {
        var holder = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var status = supervisor.get("/api/v1/reports/coverage").json();
                    holder[0] = status.path("last");
                    return status.path("running").isNull() && !holder[0].isNull() && !holder[0].isMissingNode();
                });
        return holder[0];
    }

    private static Map<String, JsonNode> byRegion(JsonNode result) {
        var out = new HashMap<String, JsonNode>();
        result.path("regions").forEach(r -> out.put(r.path("region").asString(), r));
        return out;
    }
}
