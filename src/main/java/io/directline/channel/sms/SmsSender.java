package io.directline.channel.sms;

import io.directline.channel.outbox.AnswerFitter;
import io.directline.channel.outbox.DeliveryFailure;
import io.directline.channel.outbox.OutboundDelivery;
import io.directline.channel.outbox.OutboundSender;
import io.directline.channel.outbox.ProviderCalls;
import io.directline.channel.outbox.SendResult;
import io.directline.channel.webhook.ConditionalOnPropertiesSet;
import io.directline.customer.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Sends answers as SMS through Twilio's Messages API. An answer longer than one message may be
 * (1600 characters) is shortened and links to the case in the portal.
 */
@Component
@ConditionalOnPropertiesSet({
    "directline.channels.sms.auth-token",
    "directline.channels.sms.account-sid",
    "directline.channels.sms.from-number"
})
class SmsSender implements OutboundSender {

    static final int MAX_LENGTH = 1600;

    private final SmsProperties properties;
    private final RestClient api;
    private final AnswerFitter answers;

    SmsSender(SmsProperties properties, AnswerFitter answers) {
        this.properties = properties;
        this.api = ProviderCalls.client(properties.apiBaseUrl());
        this.answers = answers;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) throws DeliveryFailure {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("To", delivery.recipient());
        form.add("From", properties.fromNumber());
        form.add("Body", answers.fit(delivery, "", MAX_LENGTH));
        var credentials = Base64.getEncoder()
                .encodeToString(
                        (properties.accountSid() + ":" + properties.authToken()).getBytes(StandardCharsets.UTF_8));
        var answer = ProviderCalls.call(
                "The SMS provider",
                () -> api.post()
                        .uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.accountSid())
                        .header("Authorization", "Basic " + credentials)
                        // Twilio documents no idempotency key for sending; the row's key is the same on every retry
                        .header("Idempotency-Key", delivery.idempotencyKey())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form)
                        .retrieve()
                        .body(JsonNode.class));
        var sid = answer == null ? null : answer.path("sid").asString(null);
        return new SendResult(sid, null);
    }
}
