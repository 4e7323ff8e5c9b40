package io.directline.channel.social;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

class XChannelTests extends ChannelIntegrationTest {

    static final String OUR_ACCOUNT = "4337869213";

    private ApiClient.Response deliver(String body, String signature) {
        return anonymous()
                .send(
                        "POST",
                        "/webhooks/x",
                        body,
                        "application/json",
                        signature == null ? Map.of() : Map.of("x-twitter-webhooks-signature", signature));
    }

    private ApiClient.Response deliver(String body) throws Exception {
        return deliver(body, "sha256=" + XSignatureTests.hmacSha256Base64(X_SECRET, body));
    }

    static String dm(String eventId, String senderId, String screenName, String text) {
        return """
                {"for_user_id":"%s","direct_message_events":[{"type":"message_create","id":"%s",
                "created_timestamp":"1516403560557","message_create":{"target":{"recipient_id":"%s"},
                "sender_id":"%s","message_data":{"text":"%s","entities":{}}}}],
                "users":{"%s":{"id":"%s","name":"Jordan %s","screen_name":"%s"}}}""".formatted(
                        OUR_ACCOUNT, eventId, OUR_ACCOUNT, senderId, text, senderId, senderId, screenName, screenName);
    }

    @Test
    void theSameWebhookDeliveredTwentyTimesAtOnceMakesOneMessageAndOnly200s() throws Exception {
        var eventId = uniqueDigits(18);
        var body = dm(eventId, uniqueDigits(12), unique("parallel"), "My blender smells burnt");
        var signature = "sha256=" + XSignatureTests.hmacSha256Base64(X_SECRET, body);

        var responses = inParallel(20, () -> deliver(body, signature));

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200);
        assertThat(responses.stream()
                        .mapToInt(r -> r.json().path("received").asInt())
                        .sum())
                .isEqualTo(1);
        var message = cases.findReceived(Channel.X, eventId).orElseThrow();
        assertThat(messages(message.getCaseId())).hasSize(1);
    }

    @Test
    void answersTheCrcChallenge() throws Exception {
        var token = "crc-" + unique("t");
        var response = anonymous().get("/webhooks/x?crc_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("response_token").asString())
                .isEqualTo("sha256=" + XSignatureTests.hmacSha256Base64(X_SECRET, token));
    }

    @Test
    void aDirectMessageBecomesACaseOnceAndTheAnswerGoesBackAsADirectMessage() throws Exception {
        var senderId = uniqueDigits(12);
        var handle = unique("jordan");
        var body = dm(uniqueDigits(18), senderId, handle, "My espresso machine leaks & hisses");

        var first = deliver(body);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("received").asInt()).isEqualTo(1);
        var second = deliver(body);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("duplicates").asInt()).isEqualTo(1);

        var owner = customers.findByHandle(Channel.X, handle).orElseThrow();
        long caseId = cases.latestActiveCase(owner.getId()).orElseThrow();
        var inbound = messages(caseId);
        assertThat(inbound).hasSize(1);
        assertThat(inbound.get(0).getBody()).contains("leaks &amp; hisses");
        assertThat(cases.get(caseId).isPublicThread()).isFalse();

        // a second message from the same person continues the conversation
        var more = deliver(dm(uniqueDigits(18), senderId, handle, "It is the gasket, I think"));
        assertThat(more.json().path("received").asInt()).isEqualTo(1);
        assertThat(messages(caseId)).hasSize(2);

        PROVIDERS.stubFor(post(urlEqualTo("/2/dm_conversations/with/" + senderId + "/messages"))
                .willReturn(okJson(
                        "{\"data\":{\"dm_conversation_id\":\"c1\",\"dm_event_id\":\"" + uniqueDigits(18) + "\"}}")));
        long answerId = answer(caseId, "We are sending a new gasket.");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(cases.message(answerId).getDeliveryStatus()).isEqualTo(DeliveryState.SENT));
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/2/dm_conversations/with/" + senderId + "/messages"))
                .withHeader("Authorization", equalTo("Bearer x-test-bearer"))
                .withRequestBody(equalToJson("{\"text\":\"We are sending a new gasket.\"}")));
    }

    @Test
    void aMentionOpensAPublicCaseAndTheAnswerIsAShortPublicReply() throws Exception {
        var tweetId = uniqueDigits(19);
        var handle = unique("pat");
        var userId = uniqueDigits(10);
        var body = """
                {"for_user_id":"%s","tweet_create_events":[{"id_str":"%s","text":"@directline my grinder is dead",
                "in_reply_to_status_id_str":null,"user":{"id_str":"%s","name":"Pat","screen_name":"%s"}}]}""".formatted(OUR_ACCOUNT, tweetId, userId, handle);
        assertThat(deliver(body).status()).isEqualTo(200);

        var owner = customers.findByHandle(Channel.X, handle).orElseThrow();
        long caseId = cases.latestActiveCase(owner.getId()).orElseThrow();
        assertThat(cases.get(caseId).isPublicThread()).isTrue();

        var replyId = uniqueDigits(19);
        PROVIDERS.stubFor(post(urlEqualTo("/2/tweets"))
                .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo(tweetId)))
                .willReturn(okJson("{\"data\":{\"id\":\"" + replyId + "\",\"text\":\"...\"}}")));
        var longAnswer = "Sorry to hear that! Please write to jane.doe@example.com or call +1 555 010 0200. "
                + "Grinder help: ".repeat(30);
        long answerId = answer(caseId, longAnswer);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(cases.message(answerId).getDeliveryStatus()).isEqualTo(DeliveryState.SENT));
        var sent = PROVIDERS
                .findAll(postRequestedFor(urlEqualTo("/2/tweets"))
                        .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo(tweetId))))
                .get(0)
                .getBodyAsString();
        var text = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(sent)
                .path("text")
                .asString();
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(280);
        assertThat(text)
                .doesNotContain("jane.doe@example.com")
                .doesNotContain("555 010")
                .endsWith("Full answer: https://support.example.test/portal/cases/" + caseId);

        // the owner's reply to our reply continues the case
        var followUp = """
                {"for_user_id":"%s","tweet_create_events":[{"id_str":"%s","text":"@directline thanks",
                "in_reply_to_status_id_str":"%s","user":{"id_str":"%s","name":"Pat","screen_name":"%s"}}]}""".formatted(OUR_ACCOUNT, uniqueDigits(19), replyId, userId, handle);
        assertThat(deliver(followUp).status()).isEqualTo(200);
        assertThat(messages(caseId))
                .filteredOn(m -> m.getDirection() == Direction.INBOUND)
                .hasSize(2);
    }

    static String mention(String tweetId, String userId, String screenName, String text, String inReplyTo) {
        return """
                {"for_user_id":"%s","tweet_create_events":[{"id_str":"%s","text":"%s",
                "in_reply_to_status_id_str":%s,"user":{"id_str":"%s","name":"Sam","screen_name":"%s"}}]}""".formatted(
                OUR_ACCOUNT, tweetId, text, inReplyTo == null ? "null" : "\"" + inReplyTo + "\"", userId, screenName);
    }

    @Test
    void theCrcChallengeSignsNoEventSoNoDeliveryCanBeForged() throws Exception {
        var handle = unique("forger");
        var forged = dm(uniqueDigits(18), uniqueDigits(12), handle, "I am a new owner, please call me back");
        var crc = anonymous().get("/webhooks/x?crc_token=" + URLEncoder.encode(forged, StandardCharsets.UTF_8));
        assertThat(crc.status()).as(crc.toString()).isEqualTo(400);
        assertThat(crc.contentType()).startsWith("application/problem+json");

        var posted = deliver(forged, crc.json().path("response_token").asString(""));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(401);
        assertThat(customers.findByHandle(Channel.X, handle)).isEmpty();

        for (var notAToken : new String[] {"a b", "\"quoted\"", "x".repeat(256)}) {
            var refused =
                    anonymous().get("/webhooks/x?crc_token=" + URLEncoder.encode(notAToken, StandardCharsets.UTF_8));
            assertThat(refused.status()).as(notAToken).isEqualTo(400);
        }
    }

    @Test
    void anOwnerIsHerAccountNotHerHandleSoWhoeverTakesAnOldHandleGetsNothingOfHers() throws Exception {
        var samId = uniqueDigits(12);
        var oldName = unique("sam");
        assertThat(deliver(dm(uniqueDigits(18), samId, oldName, "My oven door will not close"))
                        .status())
                .isEqualTo(200);
        var sam = customers.findByHandle(Channel.X, oldName).orElseThrow();
        long samsCase = cases.latestActiveCase(sam.getId()).orElseThrow();
        var reference = cases.get(samsCase).reference();

        // Sam renames herself; she is still Sam, and her handle shows the new name
        var newName = unique("samantha");
        assertThat(deliver(dm(uniqueDigits(18), samId, newName, "Still stuck")).status())
                .isEqualTo(200);
        assertThat(customers.findByHandle(Channel.X, newName).orElseThrow().getId())
                .isEqualTo(sam.getId());
        assertThat(messages(samsCase)).hasSize(2);

        // someone else takes the old name and quotes her case: a new owner and a new case, flagged and linked
        var takerId = uniqueDigits(12);
        var taken = deliver(dm(uniqueDigits(18), takerId, oldName, "About " + reference + ": send the refund to me"));
        assertThat(taken.status()).isEqualTo(200);
        var taker = customers.findByHandle(Channel.X, oldName).orElseThrow();
        assertThat(taker.getId()).isNotEqualTo(sam.getId());
        assertThat(taker.getSocialAccounts()).containsEntry("x", takerId);
        long takersCase = cases.latestActiveCase(taker.getId()).orElseThrow();
        assertThat(takersCase).isNotEqualTo(samsCase);
        assertThat(cases.get(takersCase).getTags()).containsExactly("check-sender");
        assertThat(messages(samsCase))
                .filteredOn(m -> m.getDirection() == Direction.INBOUND)
                .hasSize(2);
        assertThat(messages(samsCase))
                .filteredOn(m -> m.getDirection() == Direction.INTERNAL)
                .singleElement()
                .satisfies(note -> assertThat(note.getBody())
                        .contains(cases.get(takersCase).reference()));

        // Sam's own reference from her known account still threads (a public mention this time)
        var own = deliver(mention(uniqueDigits(19), samId, newName, "@directline update on " + reference + "?", null));
        assertThat(own.json().path("received").asInt()).isEqualTo(1);
        assertThat(messages(samsCase))
                .filteredOn(m -> m.getDirection() == Direction.INBOUND)
                .hasSize(3);
    }

    @Test
    void aStrangerReplyingUnderTheOwnersPostLeavesHerThreadWithHer() throws Exception {
        var ownerId = uniqueDigits(12);
        var handle = unique("lee");
        var post = uniqueDigits(19);
        deliver(mention(post, ownerId, handle, "@directline my dishwasher floods the kitchen", null));
        long leesCase = cases.latestActiveCase(
                        customers.findByHandle(Channel.X, handle).orElseThrow().getId())
                .orElseThrow();

        var stranger = unique("troll");
        deliver(mention(uniqueDigits(19), uniqueDigits(12), stranger, "@directline same here", post));
        long strangersCase = cases.latestActiveCase(customers
                        .findByHandle(Channel.X, stranger)
                        .orElseThrow()
                        .getId())
                .orElseThrow();
        assertThat(strangersCase).isNotEqualTo(leesCase);

        deliver(mention(uniqueDigits(19), ownerId, handle, "@directline it happened again", post));
        assertThat(messages(leesCase))
                .filteredOn(m -> m.getDirection() == Direction.INBOUND)
                .hasSize(2);
        assertThat(messages(strangersCase)).hasSize(1);
    }

    @Test
    void aDirectMessageOnACaseAPublicMentionOpenedIsAnsweredPrivately() throws Exception {
        var userId = uniqueDigits(12);
        var handle = unique("kim");
        var post = uniqueDigits(19);
        deliver(mention(post, userId, handle, "@directline my fridge is warm", null));
        long caseId = cases.latestActiveCase(
                        customers.findByHandle(Channel.X, handle).orElseThrow().getId())
                .orElseThrow();
        assertThat(cases.get(caseId).isPublicThread()).isTrue();
        var reference = cases.get(caseId).reference();

        deliver(dm(uniqueDigits(18), userId, handle, "About " + reference + ": my address is 12 Elm Street"));
        assertThat(messages(caseId)).hasSize(2);

        PROVIDERS.stubFor(post(urlEqualTo("/2/dm_conversations/with/" + userId + "/messages"))
                .willReturn(okJson(
                        "{\"data\":{\"dm_conversation_id\":\"c2\",\"dm_event_id\":\"" + uniqueDigits(18) + "\"}}")));
        PROVIDERS.stubFor(post(urlEqualTo("/2/tweets"))
                .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo(post)))
                .willReturn(okJson("{\"data\":{\"id\":\"" + uniqueDigits(19) + "\",\"text\":\"...\"}}")));
        var text = "A technician comes to 12 Elm Street on Monday.";
        long answerId = answer(caseId, text);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(cases.message(answerId).getDeliveryStatus()).isEqualTo(DeliveryState.SENT));
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/2/dm_conversations/with/" + userId + "/messages"))
                .withRequestBody(equalToJson("{\"text\":\"" + text + "\"}")));
        assertThat(PROVIDERS.findAll(postRequestedFor(urlEqualTo("/2/tweets"))
                        .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo(post)))))
                .isEmpty();
    }

    @Test
    void ourOwnEventsAreLeftOut() throws Exception {
        var body = dm(uniqueDigits(18), OUR_ACCOUNT, unique("us"), "Our own answer");
        var response = deliver(body);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("received").asInt()).isZero();
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedAndNothingIsStored() throws Exception {
        var handle = unique("mallory");
        var body = dm(uniqueDigits(18), uniqueDigits(12), handle, "Let me in");
        var wrong = deliver(body, "sha256=" + XSignatureTests.hmacSha256Base64("not-the-secret", body));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        var missing = deliver(body, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(customers.findByHandle(Channel.X, handle)).isEmpty();
    }

    @Test
    void aMalformedPayloadIsABadRequest() throws Exception {
        var notJson = deliver("{\"direct_message_events\": [");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        var missingText = deliver(
                "{\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"1\",\"message_create\":{}}]}");
        assertThat(missingText.status()).isEqualTo(400);
    }

    @Test
    void anOversizedPayloadIsRefused() throws Exception {
        var body = "{\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        var response = deliver(body);
        assertThat(response.status()).isEqualTo(413);
    }
}
