package io.directline.channel.social;

import io.directline.channel.outbox.AnswerFitter;
import io.directline.channel.outbox.DeliveryFailure;
import io.directline.channel.outbox.OutboundDelivery;
import io.directline.channel.outbox.ProviderCalls;
import io.directline.channel.outbox.SendResult;
import io.directline.channel.webhook.ConditionalOnPropertiesSet;
import io.directline.customer.Channel;
import java.util.LinkedHashMap;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Answers on Mastodon as a status that mentions the owner and replies to the newest status of the
 * case: public for a public thread, {@code direct} otherwise. Sends the delivery's idempotency key,
 * so a retry after a crash never posts twice.
 */
@Component
@ConditionalOnPropertiesSet({"directline.channels.mastodon.base-url", "directline.channels.mastodon.access-token"})
class MastodonNetwork implements SocialNetwork {

    static final int MAX_LENGTH = 500;

    private final RestClient api;
    private final String accessToken;
    private final AnswerFitter answers;

    MastodonNetwork(MastodonProperties properties, AnswerFitter answers) {
        this.api = ProviderCalls.client(properties.baseUrl());
        this.accessToken = properties.accessToken();
        this.answers = answers;
    }

    @Override
    public Channel channel() {
        return Channel.MASTODON;
    }

    @Override
    public int maxLength() {
        return MAX_LENGTH;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) throws DeliveryFailure {
        var acct = delivery.recipient().strip();
        var mention = "@" + (acct.startsWith("@") ? acct.substring(1) : acct) + " ";
        var body = new LinkedHashMap<String, Object>();
        body.put("status", answers.fit(delivery, mention, MAX_LENGTH));
        var inReplyTo = SocialNetwork.newestStatus(delivery.threadKeys());
        if (inReplyTo != null) {
            body.put("in_reply_to_id", inReplyTo);
        }
        body.put("visibility", delivery.publicThread() ? "public" : "direct");
        var answer = ProviderCalls.call(
                "Mastodon",
                () -> api.post()
                        .uri("/api/v1/statuses")
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Idempotency-Key", delivery.idempotencyKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .body(JsonNode.class));
        var id = answer == null ? null : answer.path("id").asString(null);
        return SendResult.of(id);
    }
}
