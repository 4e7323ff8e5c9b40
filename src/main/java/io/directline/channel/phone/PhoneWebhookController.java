package io.directline.channel.phone;

import io.directline.channel.intake.InboundMessage;
import io.directline.channel.intake.Intake;
import io.directline.channel.outbox.AnswerFitter;
import io.directline.channel.webhook.ConditionalOnPropertiesSet;
import io.directline.channel.webhook.WebhookProperties;
import io.directline.channel.webhook.Webhooks;
import io.directline.customer.Channel;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Call events from the telephone system. A call joins the case it began in (by its call id), else the
 * caller's active case, else it opens one; the caller is found by number (a new number becomes a new,
 * unverified owner).
 */
@RestController
@ConditionalOnPropertiesSet("directline.channels.phone.secret")
class PhoneWebhookController {

    static final String SIGNATURE_HEADER = "X-DirectLine-Signature";

    /** One call event as the telephone system sends it. */
    record CallEvent(
            String callId,
            String event,
            String callerNumber,
            String agent,
            Integer durationSeconds,
            String notes,
            String recordingUrl) {}

    private final PhoneProperties properties;
    private final Intake intake;
    private final JsonMapper json;
    private final long maxBytes;

    PhoneWebhookController(PhoneProperties properties, Intake intake, JsonMapper json, WebhookProperties webhooks) {
        this.properties = properties;
        this.intake = intake;
        this.json = json;
        this.maxBytes = webhooks.maxSize().toBytes();
    }

    @PostMapping("/webhooks/phone")
    Map<String, Object> receive(
            HttpServletRequest request, @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        var body = Webhooks.body(request, maxBytes);
        if (!Webhooks.sameSignature(signature(properties.secret(), body), signature)) {
            throw Webhooks.unauthorized("The " + SIGNATURE_HEADER + " header is missing or does not match the body.");
        }
        CallEvent call;
        try {
            call = json.readValue(body, CallEvent.class);
        } catch (JacksonException e) {
            throw Webhooks.malformed("The body is not a call event: " + e.getOriginalMessage());
        }
        if (call == null || blank(call.callId()) || blank(call.callerNumber())) {
            throw Webhooks.malformed("A call event needs callId and callerNumber.");
        }
        if (!"started".equals(call.event()) && !"ended".equals(call.event())) {
            throw Webhooks.malformed("event must be 'started' or 'ended'.");
        }
        try {
            var result = intake.acceptIntoActiveCase(new InboundMessage(
                    Channel.PHONE,
                    call.callId() + ":" + call.event(),
                    call.callerNumber(),
                    null,
                    null,
                    describe(call),
                    List.of(call.callId()),
                    call.callId(),
                    false));
            return Map.of("caseId", result.caseId(), "duplicate", result.duplicate());
        } catch (IllegalArgumentException e) {
            throw Webhooks.malformed(e.getMessage());
        }
    }

    static String describe(CallEvent call) {
        var text = new StringBuilder();
        if ("started".equals(call.event())) {
            text.append("Call from ").append(call.callerNumber().strip()).append(" started");
        } else {
            text.append("Call from ").append(call.callerNumber().strip()).append(" ended");
            if (call.durationSeconds() != null && call.durationSeconds() >= 0) {
                int s = call.durationSeconds();
                text.append(" after ").append(s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s");
            }
        }
        if (!blank(call.agent())) {
            text.append(" (agent: ").append(call.agent().strip()).append(')');
        }
        text.append('.');
        if (!blank(call.notes())) {
            text.append("\nNotes: ").append(call.notes().strip());
        }
        if (!blank(call.recordingUrl())) {
            text.append("\nRecording: ").append(call.recordingUrl().strip());
        }
        return AnswerFitter.html(text.toString());
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body, keyed with the shared secret. */
    static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(Webhooks.hmac("HmacSHA256", secret, body));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
