package io.directline.customer.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.channel.ChannelFixtures;
import io.directline.channel.ChannelIntegrationTest;
import io.directline.customer.Channel;
import io.directline.testsupport.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, over real HTTP: an e-mail and a phone call from one person become two owners with a merge suggestion;
 * an agent merges them, and both cases with their promises are one owner's; the undo gives each their own back.
 */
class OwnerMergeApiTests extends ChannelIntegrationTest {

    private static final String SIGNATURE = "X-DirectLine-Signature";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMailAndACallFromOnePersonAreMergedOnSuggestionAndTheUndoRestoresBoth() throws Exception {
        var number = "+1" + uniqueDigits(10);
        var address = unique("ada.") + "@owners.example";

        var call =
                signedPost("/webhooks/phone", PHONE_SECRET, """
                {"callId":"%s","event":"started","callerNumber":"%s","agent":"kim"}""".formatted(unique("call-"), number), "application/json");
        assertThat(call.status()).as("%s", call).isEqualTo(200);
        long phoneCase = call.json().path("caseId").asLong();
        long caller =
                customers.findByHandle(Channel.PHONE, number).orElseThrow().getId();
        long phonePromise = promise(phoneCase, "We call you back about the oven on Friday.");

        var written = number.substring(0, 2) + " (" + number.substring(2, 5) + ") " + number.substring(5, 8) + "-"
                + number.substring(8);
        var mail = """
                From: Ada Lovelace <%s>\r
                To: %s\r
                Subject: Oven door\r
                Message-ID: <%s@owners.example>\r
                Content-Type: text/plain\r
                \r
                The oven door still does not close. I called you already; reach me on %s.\r
                """.formatted(address, ChannelFixtures.SUPPORT_ADDRESS, unique("mail-"), written);
        var mailed = signedPost("/webhooks/email", EMAIL_SECRET, mail, "message/rfc822");
        assertThat(mailed.status()).as("%s", mailed).isEqualTo(201);
        long mailCase = mailed.json().path("caseId").asLong();
        long writer = customers.findByEmail(address).orElseThrow().getId();
        long mailPromise = promise(mailCase, "A technician visits on Monday.");
        assertThat(writer).as("two contacts, two owners until someone decides").isNotEqualTo(caller);

        var suggestions = admin().get("/api/v1/customers/" + writer + "/merge-suggestions");
        assertThat(suggestions.status()).isEqualTo(200);
        var suggestion = only(suggestions.json());
        assertThat(suggestion.path("otherId").asLong()).isEqualTo(caller);
        assertThat(suggestion.path("reasons").asString()).contains("the message names their phone number " + number);
        assertThat(suggestion.path("state").asString()).isEqualTo("OPEN");
        assertThat(only(admin().get("/api/v1/customers/" + caller + "/merge-suggestions")
                                .json())
                        .path("otherId")
                        .asLong())
                .as("the caller's side shows the same suggestion")
                .isEqualTo(writer);
        assertThat(customers.get(writer).getMergedInto())
                .as("nothing merges by itself")
                .isNull();

        var merged = admin().post(
                        "/api/v1/customers/" + caller + "/merge",
                        Map.of("from", writer, "reason", "The mail names the caller's number; same oven."));
        assertThat(merged.status()).as("%s", merged).isEqualTo(200);
        long mergeId = merged.id();
        assertThat(merged.json().path("mergedBy").asString()).isEqualTo("admin");
        assertThat(merged.json().path("reason").asString()).isEqualTo("The mail names the caller's number; same oven.");
        assertThat(merged.json().path("moved").path("support_case").asInt()).isEqualTo(1);

        assertThat(casesOf(caller)).containsExactlyInAnyOrder(phoneCase, mailCase);
        assertThat(casesOf(writer)).isEmpty();
        assertThat(promisesOf(phoneCase)).containsExactly(phonePromise);
        assertThat(promisesOf(mailCase)).containsExactly(mailPromise);
        assertThat(admin().get("/api/v1/cases/" + mailCase)
                        .json()
                        .path("customerId")
                        .asLong())
                .isEqualTo(caller);
        var mergedOwner = admin().get("/api/v1/customers/" + writer);
        assertThat(mergedOwner.status()).as("a merged owner still resolves").isEqualTo(200);
        assertThat(mergedOwner.json().path("mergedInto").asLong()).isEqualTo(caller);
        assertThat(customers.findByEmail(address).orElseThrow().getId())
                .as("the e-mail address is the caller's handle now")
                .isEqualTo(caller);
        assertThat(only(admin().get("/api/v1/customers/" + caller + "/merge-suggestions")
                                .json())
                        .path("state")
                        .asString())
                .isEqualTo("MERGED");
        assertThat(trail(mailCase))
                .anyMatch(line ->
                        line.startsWith("OWNER_MERGED by admin: Owner " + writer + " merged into owner " + caller)
                                && line.endsWith("same oven."));

        var undone = admin().post("/api/v1/customers/" + caller + "/merges/" + mergeId + "/undo", null);
        assertThat(undone.status()).as("%s", undone).isEqualTo(200);
        assertThat(undone.json().path("undoneBy").asString()).isEqualTo("admin");
        assertThat(casesOf(caller)).containsExactly(phoneCase);
        assertThat(casesOf(writer)).containsExactly(mailCase);
        assertThat(promisesOf(mailCase)).containsExactly(mailPromise);
        assertThat(admin().get("/api/v1/customers/" + writer)
                        .json()
                        .path("mergedInto")
                        .isNull())
                .isTrue();
        assertThat(customers.findByEmail(address).orElseThrow().getId()).isEqualTo(writer);
        assertThat(customers.findByHandle(Channel.PHONE, written).orElseThrow().getId())
                .isEqualTo(caller);

        var again = admin().post("/api/v1/customers/" + caller + "/merges/" + mergeId + "/undo", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("undone already");
    }

    @Test
    void mergesThatCannotBeAreRefusedWithTheirReason() {
        long a = owner("Merge A ");
        long b = owner("Merge B ");
        long c = owner("Merge C ");

        var self = admin().post("/api/v1/customers/" + a + "/merge", Map.of("from", a, "reason", "same"));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.contentType()).startsWith("application/problem+json");
        assertThat(self.json().path("detail").asString()).contains("cannot be merged into itself");

        assertThat(admin().post("/api/v1/customers/" + a + "/merge", Map.of("from", b, "reason", "one person"))
                        .status())
                .isEqualTo(200);
        var fromMerged = admin().post("/api/v1/customers/" + c + "/merge", Map.of("from", b, "reason", "again"));
        assertThat(fromMerged.status()).isEqualTo(409);
        assertThat(fromMerged.json().path("detail").asString()).contains("was merged into owner " + a + " already");
        var intoMerged = admin().post("/api/v1/customers/" + b + "/merge", Map.of("from", c, "reason", "again"));
        assertThat(intoMerged.status()).isEqualTo(409);
        assertThat(intoMerged.json().path("detail").asString()).contains("merge into that owner instead");

        var unknown = admin().post("/api/v1/customers/" + a + "/merge", Map.of("from", 987_654_321L, "reason", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        var noReason = admin().post("/api/v1/customers/" + a + "/merge", Map.of("from", c, "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("detail").asString()).contains("reason");
        var noFrom = admin().post("/api/v1/customers/" + a + "/merge", Map.of("reason", "x"));
        assertThat(noFrom.status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/customers/" + c)
                        .json()
                        .path("mergedInto")
                        .isNull())
                .isTrue();
        var unknownMerge = admin().post("/api/v1/customers/" + a + "/merges/987654321/undo", null);
        assertThat(unknownMerge.status()).isEqualTo(404);
    }

    private long owner(String prefix) {
        var made = admin().post(
                        "/api/v1/customers", Map.of("name", unique(prefix), "email", unique("m") + "@example.test"));
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        return made.id();
    }

    private long promise(long caseId, String description) {
        var made = admin().post(
                        "/api/v1/cases/" + caseId + "/promises",
                        Map.of(
                                "description",
                                description,
                                "dueAt",
                                Instant.now().plus(Duration.ofDays(3)).toString(),
                                "responsible",
                                "admin"));
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        return made.id();
    }

    private List<Long> casesOf(long customerId) {
        return ids(admin().get("/api/v1/cases?size=100&customerId=" + customerId)
                .json()
                .path("items"));
    }

    private List<Long> promisesOf(long caseId) {
        return ids(admin().get("/api/v1/cases/" + caseId + "/promises").json().path("items"));
    }

    /** The case's audit trail, as the case page shows it. */
    private List<String> trail(long caseId) {
        return jdbc.queryForList(
                "select action || ' by ' || actor || ': ' || detail from case_audit where case_id = ? order by at, id",
                String.class,
                caseId);
    }

    private static List<Long> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(n -> n.path("id").asLong())
                .toList();
    }

    private static JsonNode only(JsonNode array) {
        assertThat(array.size()).as("%s", array).isEqualTo(1);
        return array.get(0);
    }

    private ApiClient.Response signedPost(String path, String secret, String body, String type) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return anonymous().send("POST", path, body, type, Map.of(SIGNATURE, signature));
    }
}
