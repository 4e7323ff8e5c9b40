package io.directline.channel.social;

import io.directline.channel.outbox.AnswerFitter;
import io.directline.channel.outbox.DeliveryFailure;
import io.directline.channel.outbox.OutboundDelivery;
import io.directline.channel.outbox.ProviderCalls;
import io.directline.channel.outbox.SendResult;
import io.directline.channel.webhook.ConditionalOnPropertiesSet;
import io.directline.customer.Channel;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Answers on X through the v2 API: a public reply to the newest status when the owner's latest message
 * was a public post, a direct message otherwise (to the owner's user id).
 */
@Component
@ConditionalOnPropertiesSet("directline.channels.x.bearer-token")
class XNetwork implements SocialNetwork {

    static final int MAX_LENGTH = 280;

    /** The longest direct message X takes. */
    static final int MAX_DM_LENGTH = 10_000;

    private final RestClient api;
    private final String bearerToken;
    private final AnswerFitter answers;

    XNetwork(XProperties properties, AnswerFitter answers) {
        this.api = ProviderCalls.client(properties.apiBaseUrl());
        this.bearerToken = properties.bearerToken();
        this.answers = answers;
    }

    @Override
    public Channel channel() {
        return Channel.X;
    }

    @Override
    public int maxLength() {
        return MAX_LENGTH;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) throws DeliveryFailure {
        return delivery.publicThread() ? reply(delivery) : directMessage(delivery);
    }

    private SendResult reply(OutboundDelivery delivery) throws DeliveryFailure {
        var inReplyTo = SocialNetwork.newestStatus(delivery.threadKeys());
        if (inReplyTo == null) {
            throw DeliveryFailure.permanent("The case has no post on X to reply to.");
        }
        var body = Map.of(
                "text", answers.fit(delivery, "", MAX_LENGTH), "reply", Map.of("in_reply_to_tweet_id", inReplyTo));
        var answer = ProviderCalls.call("X", () -> post("/2/tweets", body, delivery.idempotencyKey()));
        var id = answer == null ? null : answer.path("data").path("id").asString(null);
        return SendResult.of(id);
    }

    private SendResult directMessage(OutboundDelivery delivery) throws DeliveryFailure {
        String participant = null;
        for (var key : delivery.threadKeys()) {
            if (key.startsWith(XActivityParser.DM_PREFIX)) {
                participant = key.substring(XActivityParser.DM_PREFIX.length());
            }
        }
        if (participant == null
                && delivery.recipient() != null
                && delivery.recipient().matches("\\d{1,25}")) {
            participant = delivery.recipient();
        }
        if (participant == null) {
            throw DeliveryFailure.permanent(
                    "The owner has not written to us on X yet, so there is no conversation to answer in.");
        }
        var text = answers.fit(delivery, "", MAX_DM_LENGTH);
        var path = "/2/dm_conversations/with/" + participant + "/messages";
        var answer = ProviderCalls.call("X", () -> post(path, Map.of("text", text), delivery.idempotencyKey()));
        var id = answer == null ? null : answer.path("data").path("dm_event_id").asString(null);
        return new SendResult(id, null);
    }

    /**
     * X documents no idempotency key for these endpoints; the outbox row's key goes along all the same
     * (the same on every retry), so a proxy or a later API version can drop a repeated post.
     */
    private JsonNode post(String path, Object body, String idempotencyKey) {
        return api.post()
                .uri(path)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class);
    }
}
