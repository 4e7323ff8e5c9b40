package io.directline.channel.sms;

import io.directline.channel.intake.InboundMessage;
import io.directline.channel.intake.Intake;
import io.directline.channel.outbox.AnswerFitter;
import io.directline.channel.webhook.ConditionalOnPropertiesSet;
import io.directline.channel.webhook.WebhookProperties;
import io.directline.channel.webhook.Webhooks;
import io.directline.customer.Channel;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's incoming-message webhook ({@code MessageSid}, {@code From}, {@code To}, {@code Body}, form
 * encoded, signed in {@code X-Twilio-Signature}). A text joins the case its {@code DL-} reference names,
 * else the sender's active case (texts carry no thread of their own), else it opens one. Answers empty
 * TwiML: the agent's answer goes out later through the REST API.
 */
@RestController
@ConditionalOnPropertiesSet("directline.channels.sms.auth-token")
class SmsWebhookController {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final SmsProperties properties;
    private final Intake intake;
    private final long maxBytes;

    SmsWebhookController(SmsProperties properties, Intake intake, WebhookProperties webhooks) {
        this.properties = properties;
        this.intake = intake;
        this.maxBytes = webhooks.maxSize().toBytes();
    }

    @PostMapping("/webhooks/sms")
    ResponseEntity<String> receive(
            HttpServletRequest request, @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        var params = Webhooks.form(Webhooks.body(request, maxBytes));
        if (params.isEmpty()) {
            // a filter may have read the form already; the container then has it as parameters
            params = new ArrayList<>();
            for (var e : request.getParameterMap().entrySet()) {
                for (var value : e.getValue()) {
                    params.add(Map.entry(e.getKey(), value));
                }
            }
        }
        if (!Webhooks.sameSignature(TwilioSignature.of(properties.authToken(), url(request), params), signature)) {
            throw Webhooks.unauthorized("The " + SIGNATURE_HEADER + " header is missing or does not match.");
        }
        var sid = first(params, "MessageSid");
        var from = first(params, "From");
        var body = first(params, "Body");
        if (sid == null || from == null || body == null || body.isBlank()) {
            throw Webhooks.malformed("An incoming SMS needs MessageSid, From and Body.");
        }
        try {
            intake.acceptIntoActiveCase(new InboundMessage(
                    Channel.SMS, sid, from, null, null, AnswerFitter.html(body), List.of(), null, false));
        } catch (IllegalArgumentException e) {
            throw Webhooks.malformed(e.getMessage());
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    /** The URL Twilio signed: the configured public one, else the one this request came to. */
    private String url(HttpServletRequest request) {
        if (properties.webhookUrl() != null && !properties.webhookUrl().isBlank()) {
            return properties.webhookUrl();
        }
        var url = request.getRequestURL();
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        return url.toString();
    }

    private static String first(List<Map.Entry<String, String>> params, String name) {
        return params.stream()
                .filter(e -> e.getKey().equals(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
