package io.directline.journey.api;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Orders over real HTTP: upsert, move an estimate, read; and the CSV import with its report of rejected rows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderApiTests {

    @LocalServerPort
    int port;

    private ApiClient admin;
    private ApiClient supervisor;
    private ApiClient agent;
    private long owner;

    @BeforeAll
    void staffAndAnOwner() {
        admin = IdentityFixtures.admin(port);
        supervisor = IdentityFixtures.staff(port, admin, "SUPERVISOR");
        agent = IdentityFixtures.staff(port, admin, "AGENT");
        owner = CustomerFixtures.registerOwner(admin, "Orla Journey");
    }

    private static String ref() {
        return "ORD-" + UniqueNames.suffix().toUpperCase();
    }

    private Map<String, Object> order(long customerId) {
        return Map.of(
                "customerId", customerId,
                "model", "Aurora GT",
                "configuration", "Long range, midnight blue",
                "region", "Bavaria",
                "postalCode", "80331",
                "tags", List.of("vip"),
                "milestones",
                        Map.of(
                                "RESERVATION", Map.of("promised", "2027-01-10", "actual", "2027-01-10"),
                                "DELIVERED", Map.of("promised", "2027-06-01")));
    }

    @Test
    void anOrderKeepsItsPriceUntilANewOneIsGivenAndABadPriceIsRefused() {
        var ref = ref();
        var priced = new java.util.HashMap<String, Object>(order(owner));
        priced.put("price", Map.of("amount", 84500, "currency", "usd"));
        var created = supervisor.put("/api/v1/orders/" + ref, priced);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().path("price").path("amount").decimalValue()).isEqualByComparingTo("84500");
        assertThat(created.json().path("price").path("currency").asString()).isEqualTo("USD");

        var withoutPrice = supervisor.put("/api/v1/orders/" + ref, order(owner));
        assertThat(withoutPrice.json().path("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(agent.get("/api/v1/orders/" + ref)
                        .json()
                        .path("price")
                        .path("amount")
                        .decimalValue())
                .isEqualByComparingTo("84500");

        priced.put("price", Map.of("amount", -5));
        var refused = supervisor.put("/api/v1/orders/" + ref, priced);
        assertProblem(refused, 400);
        assertThat(refused.json().path("detail").asString()).contains("price must be more than 0");
    }

    @Test
    void theSameOrderTwiceIsCreatedOnceAndAnAgentReadsIt() {
        var ref = ref();
        var created = supervisor.put("/api/v1/orders/" + ref, order(owner));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().path("outcome").asString()).isEqualTo("CREATED");

        var again = supervisor.put("/api/v1/orders/" + ref, order(owner));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("outcome").asString()).isEqualTo("UNCHANGED");

        var read = agent.get("/api/v1/orders/" + ref);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().path("stage").asString()).isEqualTo("RESERVATION");
        assertThat(each(read.json().path("milestones"), "milestone")).containsExactly("RESERVATION", "DELIVERED");
        assertThat(read.json().path("milestones").get(1).path("estimate").asString())
                .isEqualTo("2027-06-01");
        assertThat(read.json().path("delayed").asBoolean()).isFalse();

        assertProblem(agent.put("/api/v1/orders/" + ref, order(owner)), 403);
    }

    @Test
    void aMovedEstimateNeedsAReasonAndPastTheThresholdTheOrderIsDelayed() {
        var ref = ref();
        supervisor.put("/api/v1/orders/" + ref, order(owner));
        var path = "/api/v1/orders/" + ref + "/milestones/DELIVERED/estimate";

        var noReason = assertProblem(supervisor.post(path, Map.of("date", "2027-06-20")), 400);
        assertThat(noReason.path("detail").asString())
                .isEqualTo("The estimate of DELIVERED moves from 2027-06-01 to 2027-06-20;"
                        + " give the reason the owner will read.");

        var moved = supervisor.post(path, Map.of("date", "2027-06-20", "reason", "Battery cells arrive late"));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        var order = agent.get("/api/v1/orders/" + ref).json();
        assertThat(order.path("delayed").asBoolean()).isTrue();
        var delivery = order.path("milestones").get(1);
        assertThat(delivery.path("promised").asString()).isEqualTo("2027-06-01");
        assertThat(delivery.path("estimate").asString()).isEqualTo("2027-06-20");
        assertThat(delivery.path("reason").asString()).isEqualTo("Battery cells arrive late");
        assertThat(order.path("history").get(0).path("previous").asString()).isEqualTo("2027-06-01");
        assertThat(order.path("history").get(0).path("by").asString()).isNotBlank();
    }

    @Test
    void badInputIsRefusedWithASentence() {
        var unknownOwner = assertProblem(supervisor.put("/api/v1/orders/" + ref(), order(987_654_321L)), 400);
        assertThat(unknownOwner.path("detail").asString())
                .isEqualTo("customerId 987654321 names no owner; register the owner first.");

        var ref = ref();
        supervisor.put("/api/v1/orders/" + ref, order(owner));
        var unknownMilestone = assertProblem(
                supervisor.post(
                        "/api/v1/orders/" + ref + "/milestones/SHIPPED/estimate",
                        Map.of("date", "2027-06-20", "reason", "x")),
                400);
        assertThat(unknownMilestone.path("detail").asString())
                .isEqualTo("Unknown milestone \"SHIPPED\"; the milestones are RESERVATION, ORDER_CONFIRMED,"
                        + " IN_PRODUCTION, IN_TRANSIT, DELIVERY_SCHEDULED, DELIVERED, SERVICE_VISIT.");
        var badDate = assertProblem(
                supervisor.post(
                        "/api/v1/orders/" + ref + "/milestones/DELIVERED/estimate",
                        Map.of("date", "2027-02-30", "reason", "x")),
                400);
        assertThat(badDate.path("detail").asString()).contains("date");
        assertProblem(agent.get("/api/v1/orders/NO-SUCH-" + UniqueNames.suffix()), 404);
        assertProblem(supervisor.put("/api/v1/orders/" + ref, Map.of("model", "Aurora GT")), 400);
    }

    @Test
    void anImportKeepsTheGoodRowsListsTheBadOnesAndTheSameFileAgainChangesNothing() {
        var email = "import." + UniqueNames.suffix() + "@example.test";
        var byEmail = admin.post("/api/v1/customers", Map.of("name", "Ida Import", "email", email));
        var a = ref();
        var b = ref();
        var c = ref();
        var csv = "ref,owner,model,region,postal_code,latitude,longitude,tags,milestone,promised,estimate,reason\n"
                + a + "," + owner
                + ",Aurora GT,Bavaria,80331,48.137,11.575,vip;fleet,,2027-06-01,2027-06-20,Late cells\n"
                + a + "," + owner + ",Aurora GT,Bavaria,80331,48.137,11.575,vip;fleet,RESERVATION,2027-01-10,,\n"
                + b + "," + email.toUpperCase() + ",Aurora S,Berlin,10115,,,,,2027-07-01,,\n"
                + "BAD-1," + owner + ",Aurora GT,,,,,,,2027-13-01,,\n"
                + "BAD-2,987654321,Aurora GT,,,,,,,2027-07-01,,\n"
                + "BAD-3,nobody@example.invalid,Aurora GT,,,,,,,2027-07-01,,\n"
                + c + "," + owner + ",Aurora GT,,,,,,SHIPPED,2027-07-01,,\n";

        var first = supervisor.send("POST", "/api/v1/orders/import", csv, "text/csv");
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        var summary = first.json();
        assertThat(summary.path("rows").asLong()).isEqualTo(7);
        assertThat(summary.path("created").asLong()).isEqualTo(2);
        assertThat(summary.path("changed").asLong())
                .as("the second row of %s", a)
                .isEqualTo(1);
        assertThat(summary.path("rejected").asLong()).isEqualTo(4);
        assertThat(each(summary.path("rejections"), "line")).containsExactly("5", "6", "7", "8");
        assertThat(summary.path("rejections").toString())
                .contains("promised \\\"2027-13-01\\\" is not a date; write it as YYYY-MM-DD.")
                .contains("Unknown owner \\\"987654321\\\": no owner has this id.")
                .contains("Unknown owner \\\"nobody@example.invalid\\\": no owner has this e-mail address.")
                .contains("Unknown milestone \\\"SHIPPED\\\"; the milestones are RESERVATION");

        var report = supervisor.download(summary.path("report").asString());
        assertThat(report.statusCode()).isEqualTo(200);
        var lines = new String(report.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5).first().isEqualTo("line,ref,reason");
        assertThat(lines.get(1)).startsWith("5,BAD-1,");

        var imported = agent.get("/api/v1/orders/" + a).json();
        assertThat(imported.path("delayed").asBoolean()).isTrue();
        assertThat(imported.path("tags").toString()).contains("fleet").contains("vip");
        assertThat(imported.path("history").size()).isEqualTo(1);
        assertThat(agent.get("/api/v1/orders/" + b).json().path("customerId").asLong())
                .isEqualTo(byEmail.id());

        var again = supervisor
                .send("POST", "/api/v1/orders/import", csv, "text/csv")
                .json();
        assertThat(again.path("created").asLong()).isZero();
        assertThat(again.path("changed").asLong()).isZero();
        assertThat(again.path("unchanged").asLong()).isEqualTo(3);
        assertThat(again.path("rejected").asLong()).isEqualTo(4);
        assertThat(agent.get("/api/v1/orders/" + a).json().path("history").size())
                .as("no new estimate change")
                .isEqualTo(1);

        var notCsv =
                assertProblem(supervisor.send("POST", "/api/v1/orders/import", "name,colour\nx,y\n", "text/csv"), 400);
        assertThat(notCsv.path("detail").asString()).startsWith("Unknown column \"name\"");
        assertProblem(agent.send("POST", "/api/v1/orders/import", csv, "text/csv"), 403);
    }
}
