package io.directline.channel.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.cases.DeliveryState;
import io.directline.cases.Direction;
import io.directline.channel.ChannelIntegrationTest;
import io.directline.customer.Channel;
import io.directline.testsupport.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

public class SmsChannelTests extends ChannelIntegrationTest {

    static final String MESSAGES = "/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Messages.json";

    /** Twilio's scheme, computed here on its own: base64 HMAC-SHA1 of the URL and the sorted name-value pairs. */
    public static String sign(String url, Map<String, String> params, String token) throws Exception {
        var data = new StringBuilder(url);
        params.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> data.append(e.getKey()).append(e.getValue()));
        var mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** An SMS as Twilio posts it to our webhook, signed with the test token. */
    public static ApiClient.Response deliver(int port, Map<String, String> params) throws Exception {
        var body = form(params);
        return ApiClient.anonymous(port)
                .accepting("*/*")
                .send(
                        "POST",
                        "/webhooks/sms",
                        body,
                        "application/x-www-form-urlencoded",
                        Map.of(
                                "X-Twilio-Signature",
                                sign("http://localhost:" + port + "/webhooks/sms", params, SMS_TOKEN)));
    }

    private ApiClient.Response deliver(Map<String, String> params, String signature) {
        var body = form(params);
        return anonymous()
                .accepting("*/*")
                .send(
                        "POST",
                        "/webhooks/sms",
                        body,
                        "application/x-www-form-urlencoded",
                        signature == null ? Map.of() : Map.of("X-Twilio-Signature", signature));
    }

    private Map<String, String> sms(String from, String text) {
        return Map.of(
                "MessageSid",
                "SM" + unique(""),
                "AccountSid",
                SMS_ACCOUNT,
                "From",
                from,
                "To",
                "+15550009999",
                "Body",
                text);
    }

    private String url() {
        return "http://localhost:" + port + "/webhooks/sms";
    }

    @Test
    void anSmsBecomesACaseOnceAndTheAnswerGoesOutByTheRestApi() throws Exception {
        var from = "+1" + uniqueDigits(10);
        var params = sms(from, "Is my dryer's warranty still valid? <ref 12>");
        var response = deliver(params, sign(url(), params, SMS_TOKEN));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/xml");
        assertThat(response.body()).contains("<Response/>");
        assertThat(deliver(params, sign(url(), params, SMS_TOKEN)).status()).isEqualTo(200);

        var owner = customers.findByHandle(Channel.SMS, from).orElseThrow();
        long caseId = cases.latestActiveCase(owner.getId()).orElseThrow();
        assertThat(messages(caseId)).hasSize(1);
        assertThat(messages(caseId).get(0).getBody()).contains("&lt;ref 12&gt;");

        PROVIDERS.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(from, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM" + uniqueDigits(10) + "\",\"status\":\"queued\"}")));
        long answerId = answer(caseId, "Yes, until 2028.");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(cases.message(answerId).getDeliveryStatus()).isEqualTo(DeliveryState.SENT));
        var basic = "Basic "
                + Base64.getEncoder().encodeToString((SMS_ACCOUNT + ":" + SMS_TOKEN).getBytes(StandardCharsets.UTF_8));
        PROVIDERS.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo(basic))
                .withRequestBody(containing("To=" + URLEncoder.encode(from, StandardCharsets.UTF_8)))
                .withRequestBody(containing("From=%2B15550009999"))
                .withRequestBody(containing("Body=Yes%2C+until+2028.")));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    io.directline.channel.Notices notices;

    @Test
    void aTextShortlyAfterANoticeRepliesToItAndJoinsTheNoticesCaseNotTheActiveOne() throws Exception {
        var from = "+1" + uniqueDigits(10);
        var first = sms(from, "My heat pump is noisy");
        assertThat(deliver(first, sign(url(), first, SMS_TOKEN)).status()).isEqualTo(200);
        var owner = customers.findByHandle(Channel.SMS, from).orElseThrow();
        long active = cases.latestActiveCase(owner.getId()).orElseThrow();

        // the company writes to the owner: a note with a case of its own, sent as a notice by text message
        var office = new io.directline.cases.Actor("erin", "Erin Executive", Channel.PORTAL);
        long noteCase = cases.openFromCompany(
                        owner.getId(), "A word from us", "We are sorry for the wait.", "erin", null, office)
                .getId();
        PROVIDERS.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(from, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM" + uniqueDigits(10) + "\",\"status\":\"queued\"}")));
        var source = "note:" + unique("sms");
        notices.queue(new io.directline.channel.Notice(
                owner.getId(),
                source,
                "A word from us",
                "We are sorry for the wait.",
                null,
                "Erin Executive",
                noteCase,
                source + ":" + owner.getId()));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> notices.ofOwner(owner.getId(), 10).get(0).status().equals("SENT"));
        // meanwhile an agent works the owner's other case, so it is the one most recently changed
        cases.addNote(
                active,
                "Asked the installer about the noise.",
                new io.directline.cases.Actor("agent", "Agent", Channel.PORTAL));

        var reply = sms(from, "Thank you, that means a lot");
        assertThat(deliver(reply, sign(url(), reply, SMS_TOKEN)).status()).isEqualTo(200);
        assertThat(deliver(reply, sign(url(), reply, SMS_TOKEN)).status()).isEqualTo(200);

        assertThat(messages(noteCase))
                .as("the notice's case: the note, then the reply once")
                .extracting(m -> m.getBody())
                .containsExactly("We are sorry for the wait.", "Thank you, that means a lot");
        assertThat(messages(active))
                .as("the case that was active")
                .filteredOn(m -> m.getDirection() == Direction.INBOUND)
                .hasSize(1);
    }

    @Test
    void aRetriedAnswerCarriesTheSameIdempotencyKeyOnEveryAttempt() throws Exception {
        var from = "+1" + uniqueDigits(10);
        var params = sms(from, "Where is my invoice?");
        assertThat(deliver(params, sign(url(), params, SMS_TOKEN)).status()).isEqualTo(200);
        long caseId = cases.latestActiveCase(
                        customers.findByHandle(Channel.SMS, from).orElseThrow().getId())
                .orElseThrow();
        var to = containing("To=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
        var scenario = "flaky-" + from;
        PROVIDERS.stubFor(post(urlEqualTo(MESSAGES))
                .inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .withRequestBody(to)
                .willReturn(aResponse().withStatus(503).withBody("busy"))
                .willSetStateTo("up"));
        PROVIDERS.stubFor(post(urlEqualTo(MESSAGES))
                .inScenario(scenario)
                .whenScenarioStateIs("up")
                .withRequestBody(to)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM" + uniqueDigits(10) + "\",\"status\":\"queued\"}")));
        long answerId = answer(caseId, "It is attached.");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "select last_error from outbound_message where message_id = ?", String.class, answerId)
                        != null);
        // the second attempt now, rather than after the 30 s backoff
        jdbc.update(
                "update outbound_message set next_attempt_at = ? where message_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now()),
                answerId);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(cases.message(answerId).getDeliveryStatus()).isEqualTo(DeliveryState.SENT));

        var attempts = PROVIDERS.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(to));
        assertThat(attempts).hasSize(2);
        var keys = attempts.stream().map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys.get(0)).isNotBlank();
        assertThat(keys).containsOnly(keys.get(0));
    }

    @Test
    void theSameSmsDeliveredTwentyTimesAtOnceMakesOneMessageAndOnly200s() throws Exception {
        var from = "+1" + uniqueDigits(10);
        var params = sms(from, "My garage door opener beeps.");
        var signature = sign(url(), params, SMS_TOKEN);

        var responses = inParallel(20, () -> deliver(params, signature));

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200);
        var message = cases.findReceived(Channel.SMS, params.get("MessageSid")).orElseThrow();
        assertThat(messages(message.getCaseId())).hasSize(1);
    }

    @Test
    void aFollowUpTextJoinsTheSendersActiveCaseAndANewNumberQuotingItDoesNot() throws Exception {
        var from = "+1" + uniqueDigits(10);
        var first = sms(from, "My heat pump is noisy");
        assertThat(deliver(first, sign(url(), first, SMS_TOKEN)).status()).isEqualTo(200);
        long caseId = cases.latestActiveCase(
                        customers.findByHandle(Channel.SMS, from).orElseThrow().getId())
                .orElseThrow();
        var second = sms(from, "It is louder at night");
        assertThat(deliver(second, sign(url(), second, SMS_TOKEN)).status()).isEqualTo(200);
        assertThat(messages(caseId))
                .extracting(m -> m.getBody())
                .containsExactly("My heat pump is noisy", "It is louder at night");

        var stranger = "+1" + uniqueDigits(10);
        var quoting = sms(stranger, "About " + cases.get(caseId).reference() + ": cancel the visit");
        assertThat(deliver(quoting, sign(url(), quoting, SMS_TOKEN)).status()).isEqualTo(200);
        long strangersCase = cases.latestActiveCase(customers
                        .findByHandle(Channel.SMS, stranger)
                        .orElseThrow()
                        .getId())
                .orElseThrow();
        assertThat(strangersCase).isNotEqualTo(caseId);
        assertThat(cases.get(strangersCase).getTags()).containsExactly("check-sender");
        assertThat(messages(caseId))
                .filteredOn(m -> m.getDirection() == Direction.INBOUND)
                .hasSize(2);
    }

    @Test
    void aRefusedNumberFailsAtOnce() throws Exception {
        var from = "+1" + uniqueDigits(10);
        var params = sms(from, "Hello?");
        assertThat(deliver(params, sign(url(), params, SMS_TOKEN)).status()).isEqualTo(200);
        long caseId = cases.latestActiveCase(
                        customers.findByHandle(Channel.SMS, from).orElseThrow().getId())
                .orElseThrow();
        PROVIDERS.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(from, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}")));
        long answerId = answer(caseId, "Hello!");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(cases.message(answerId).getDeliveryStatus()).isEqualTo(DeliveryState.FAILED));
        assertThat(cases.message(answerId).getDeliveryDetail()).contains("400");
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedAndNothingIsStored() throws Exception {
        var from = "+1" + uniqueDigits(10);
        var params = sms(from, "Let me in");
        var wrong = deliver(params, sign(url(), params, "not-the-token"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(deliver(params, null).status()).isEqualTo(401);
        var otherUrl = deliver(params, sign(url() + "?x=1", params, SMS_TOKEN));
        assertThat(otherUrl.status()).isEqualTo(401);
        assertThat(customers.findByHandle(Channel.SMS, from)).isEmpty();
    }

    @Test
    void aSignedMessageWithoutItsFieldsIsABadRequest() throws Exception {
        var params = Map.of("MessageSid", "SM" + unique(""), "To", "+15550009999");
        var response = deliver(params, sign(url(), params, SMS_TOKEN));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(List.of(response.json().path("title").asString())).containsExactly("Malformed webhook");
    }
}
