package io.directline.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Direction;
import io.directline.channel.ChannelIntegrationTest;
import io.directline.customer.Channel;
import io.directline.testsupport.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PhoneChannelTests extends ChannelIntegrationTest {

    static String sign(String secret, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private ApiClient.Response deliver(String body, String signature) {
        return anonymous()
                .send(
                        "POST",
                        "/webhooks/phone",
                        body,
                        "application/json",
                        signature == null ? Map.of() : Map.of("X-DirectLine-Signature", signature));
    }

    private ApiClient.Response deliver(String body) throws Exception {
        return deliver(body, sign(PHONE_SECRET, body));
    }

    @Test
    void theSignatureMatchesTheKnownVector() throws Exception {
        var body = "{\"callId\":\"call-1\",\"event\":\"started\",\"callerNumber\":\"+15550100\"}";
        var expected = "sha256=b73ca8cf1632fcb46e1006c29f8f59824264ed927b08f069a3453cf61baa94b2";
        assertThat(sign("phone-secret-vector", body)).isEqualTo(expected);
        assertThat(PhoneWebhookController.signature("phone-secret-vector", body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
    }

    @Test
    void aCallJoinsTheCallersActiveCase() throws Exception {
        var number = "+1" + uniqueDigits(10);
        var owner = admin().post(
                        "/api/v1/customers",
                        Map.of("name", unique("Caller "), "phone", number, "email", unique("c") + "@example.test"));
        assertThat(owner.status()).as(owner.toString()).isEqualTo(201);
        var opened = admin().post(
                        "/api/v1/cases",
                        Map.of("customerId", owner.id(), "subject", "Oven door", "body", "The door does not close."));
        assertThat(opened.status()).isEqualTo(201);
        long caseId = opened.id();

        var callId = unique("call-");
        var started = deliver("""
                {"callId":"%s","event":"started","callerNumber":"%s","agent":"kim"}""".formatted(callId, number));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().path("caseId").asLong()).isEqualTo(caseId);
        var ended = """
                {"callId":"%s","event":"ended","callerNumber":"%s","agent":"kim","durationSeconds":312,
                 "notes":"Hinge replaced <soon>","recordingUrl":"https://pbx.example/rec/1.mp3"}""".formatted(callId, number);
        assertThat(deliver(ended).json().path("caseId").asLong()).isEqualTo(caseId);
        var again = deliver(ended);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();

        var phoneMessages = messages(caseId).stream()
                .filter(m -> m.getChannel() == Channel.PHONE)
                .toList();
        assertThat(phoneMessages).hasSize(2);
        assertThat(phoneMessages.get(1).getBody())
                .contains("5 min 12 s")
                .contains("Hinge replaced &lt;soon&gt;")
                .contains("https://pbx.example/rec/1.mp3");
    }

    @Test
    void aCallFromANewNumberOpensACase() throws Exception {
        var number = "+1" + uniqueDigits(10);
        var response = deliver("""
                {"callId":"%s","event":"started","callerNumber":"%s"}""".formatted(unique("call-"), number));
        assertThat(response.status()).isEqualTo(200);
        var owner = customers.findByHandle(Channel.PHONE, number).orElseThrow();
        assertThat(cases.get(response.json().path("caseId").asLong()).getCustomerId())
                .isEqualTo(owner.getId());
    }

    @Test
    void wrongSignaturesAndBadPayloadsAreRefused() throws Exception {
        var number = "+1" + uniqueDigits(10);
        var body = """
                {"callId":"%s","event":"started","callerNumber":"%s"}""".formatted(unique("call-"), number);
        var wrong = deliver(body, sign("not-the-secret", body));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(deliver(body, null).status()).isEqualTo(401);
        assertThat(customers.findByHandle(Channel.PHONE, number)).isEmpty();

        assertThat(deliver("{\"callId\":").status()).isEqualTo(400);
        assertThat(deliver("{\"callId\":\"c\",\"event\":\"ringing\",\"callerNumber\":\"+15550101\"}")
                        .status())
                .isEqualTo(400);
        assertThat(deliver("{\"event\":\"started\"}").status()).isEqualTo(400);
        assertThat(deliver("{\"callId\":\"" + "x".repeat(70 * 1024) + "\"}").status())
                .isEqualTo(413);
    }

    @Test
    void anAgentLogsACallByHand() {
        var owner = admin().post(
                        "/api/v1/customers", Map.of("name", unique("Logged "), "email", unique("l") + "@example.test"));
        var opened = admin().post(
                        "/api/v1/cases", Map.of("customerId", owner.id(), "subject", "Fridge", "body", "It hums."));
        long caseId = opened.id();
        var logged = admin().post(
                        "/api/v1/cases/" + caseId + "/calls",
                        Map.of(
                                "direction",
                                "INBOUND",
                                "number",
                                "+15550102",
                                "durationSeconds",
                                75,
                                "notes",
                                "Owner will send a photo."));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(logged.json().path("channel").asString()).isEqualTo("PHONE");
        assertThat(logged.json().path("direction").asString()).isEqualTo("INTERNAL");
        assertThat(logged.json().path("body").asString())
                .contains("Call from the owner from ")
                .contains("15550102, 1 min 15 s.")
                .contains("Owner will send a photo.");
        assertThat(messages(caseId))
                .filteredOn(m -> m.getDirection() == Direction.INTERNAL)
                .hasSize(1);

        var internal = admin().post(
                        "/api/v1/cases/" + caseId + "/calls", Map.of("direction", "INTERNAL", "durationSeconds", 5));
        assertThat(internal.status()).isEqualTo(400);
        var negative = admin().post(
                        "/api/v1/cases/" + caseId + "/calls", Map.of("direction", "OUTBOUND", "durationSeconds", -5));
        assertThat(negative.status()).isEqualTo(400);
    }
}
