package io.directline.broadcast.sending;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.broadcast.BroadcastFixtures;
import io.directline.channel.Notices;
import io.directline.channel.SentNotice;
import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Broadcasts over the API: a segment reaches exactly its owners, once each, with their own details; the four-eyes rule
 * (here above 2 owners), idempotent create, the refusals of bad input, and cancel. Pages of 2 owners, so every
 * fan-out here runs several pages.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"directline.broadcast.four-eyes-above=2", "directline.broadcast.page-size=2"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BroadcastApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Notices notices;

    ApiClient admin;
    ApiClient sam;
    ApiClient erin;
    String samName;

    @BeforeAll
    void staff() {
        admin = IdentityFixtures.admin(port);
        samName = IdentityFixtures.createLogin(admin, "SUPERVISOR", null);
        sam = IdentityFixtures.signIn(port, samName);
        erin = IdentityFixtures.staff(port, admin, "EXECUTIVE");
    }

    /** Owners named "Firstname Lastname" with an order of the model each; returns their ids. */
    private List<Long> ownersOf(String model, int count) {
        var ids = new ArrayList<Long>();
        IntStream.range(0, count)
                .forEach(i -> ids.add(CustomerFixtures.registerOwner(admin, "Owner" + i + " Of-" + model)));
        BroadcastFixtures.ordersOfModel(context, ids, model, "a late shipment of seats");
        return ids;
    }

    @Test
    void aBroadcastReachesExactlyTheMatchingOwnersOnceEachWithTheirOwnDetails() {
        var model = UniqueNames.unique("Model");
        var owners = ownersOf(model, 5);
        var outsider = ownersOf(UniqueNames.unique("Other"), 1).get(0);

        var preview = sam.post("/api/v1/broadcasts/preview", BroadcastFixtures.request(model));
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(preview.json().path("count").asLong()).isEqualTo(5);
        assertThat(preview.json().path("needsSecondApproval").asBoolean()).isTrue();
        var sample = preview.json().path("samples").get(0);
        assertThat(sample.path("text").path("fullText").asString())
                .startsWith("Dear Owner0,")
                .contains("Because of a late shipment of seats")
                .doesNotContain("{");

        var made = BroadcastFixtures.create(sam, model);
        long id = made.path("id").asLong();
        assertThat(made.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(made.path("recipients").asLong()).isEqualTo(5);

        var approved = erin.post("/api/v1/broadcasts/" + id + "/approve", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        var queued = BroadcastFixtures.await(
                sam, id, b -> b.path("status").asString().equals("QUEUED"));
        assertThat(queued.path("noticesQueued").asLong()).isEqualTo(5);
        assertThat(queued.path("progress").path("total").asLong()).isEqualTo(5);

        for (int i = 0; i < owners.size(); i++) {
            var theirs = ofBroadcast(owners.get(i), id);
            assertThat(theirs).as("owner %d's notices", i).hasSize(1);
            assertThat(theirs.get(0).text()).startsWith("Dear Owner" + i + ",").doesNotContain("{");
            assertThat(theirs.get(0).subject()).startsWith("Owner" + i + ", news about ");
        }
        assertThat(ofBroadcast(outsider, id))
                .as("the owner outside the segment")
                .isEmpty();
    }

    @Test
    void theCreatorOfABroadcastOverTheThresholdMayNotApproveIt() {
        var model = UniqueNames.unique("Model");
        ownersOf(model, 3);
        long id = BroadcastFixtures.create(sam, model).path("id").asLong();

        var refused = assertProblem(sam.post("/api/v1/broadcasts/" + id + "/approve", null), 409);

        assertThat(refused.path("detail").asString()).contains("3 owners").contains("a second person must approve");
        assertThat(sam.get("/api/v1/broadcasts/" + id).json().path("status").asString())
                .isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void aDoubleSubmittedCreateWithOneIdempotencyKeyMakesOneBroadcast() {
        var model = UniqueNames.unique("Model");
        ownersOf(model, 1);
        var body = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .writeValueAsString(BroadcastFixtures.request(model));
        var key = Map.of("Idempotency-Key", UniqueNames.unique("key"));

        var first = sam.send("POST", "/api/v1/broadcasts", body, "application/json", key);
        var second = sam.send("POST", "/api/v1/broadcasts", body, "application/json", key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(second.json().path("id").asLong())
                .isEqualTo(first.json().path("id").asLong());
        var mine = sam.get("/api/v1/broadcasts?limit=200").json().path("items");
        long withModel = 0;
        for (var b : mine) {
            if (model.equals(b.path("segment").path("model").asString())) {
                withModel++;
            }
        }
        assertThat(withModel).as("broadcasts to the model").isEqualTo(1);
    }

    @Test
    void anUnknownPlaceholderIsRefusedByName() {
        var model = UniqueNames.unique("Model");
        ownersOf(model, 1);
        var body = new java.util.HashMap<>(BroadcastFixtures.request(model));
        body.put("fullText", "Dear {firstName}, your {carModel} is late.");

        var refused = assertProblem(sam.post("/api/v1/broadcasts", body), 400);

        assertThat(refused.path("detail").asString()).contains("{carModel}");
        assertThat(refused.path("field").asString()).isEqualTo("fullText");
    }

    @Test
    void anEmptySegmentSaysSoAndSendsNothing() {
        var nobody = UniqueNames.unique("Nobody");

        var preview = sam.post("/api/v1/broadcasts/preview", BroadcastFixtures.request(nobody));
        assertThat(preview.json().path("count").asLong()).isZero();
        assertThat(preview.json().path("message").asString()).contains("No owner has an order that matches");

        var refused = assertProblem(sam.post("/api/v1/broadcasts", BroadcastFixtures.request(nobody)), 400);
        assertThat(refused.path("detail").asString()).contains("nothing was sent");
    }

    @Test
    void anImpossibleSegmentIsRefusedWithItsField() {
        var body = new java.util.HashMap<>(BroadcastFixtures.request("any"));
        body.put("segment", Map.of("latitude", 52.5, "longitude", 13.4));

        var refused = assertProblem(sam.post("/api/v1/broadcasts/preview", body), 400);

        assertThat(refused.path("detail").asString()).contains("latitude, longitude and withinKm");
    }

    @Test
    void cancelStopsWhatIsNotYetSentAndTheFanOut() {
        var model = UniqueNames.unique("Model");
        var owners = ownersOf(model, 6);
        long id = BroadcastFixtures.create(sam, model).path("id").asLong();
        assertThat(erin.post("/api/v1/broadcasts/" + id + "/approve", null).status())
                .isEqualTo(200);

        var cancelled = erin.post("/api/v1/broadcasts/" + id + "/cancel", null);

        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        var after = BroadcastFixtures.await(sam, id, b -> b.path("done").asBoolean());
        var progress = after.path("progress");
        assertThat(progress.path("queued").asLong()
                        + progress.path("waitingForQuietHours").asLong())
                .as("nothing waits to be sent")
                .isZero();
        assertThat(progress.path("total").asLong()).isLessThanOrEqualTo(owners.size());
        assertProblem(erin.post("/api/v1/broadcasts/" + id + "/cancel", null), 409);
        assertProblem(erin.post("/api/v1/broadcasts/" + id + "/approve", null), 409);
    }

    @Test
    void anUnknownBroadcastIsNotFound() {
        assertProblem(sam.get("/api/v1/broadcasts/987654321"), 404);
        assertProblem(sam.post("/api/v1/broadcasts/987654321/approve", null), 404);
    }

    private List<SentNotice> ofBroadcast(long customerId, long broadcastId) {
        return notices.ofOwner(customerId, 100).stream()
                .filter(n -> n.source().equals(Broadcast.source(broadcastId)))
                .toList();
    }
}
