package io.directline.channel.social;

import io.directline.channel.intake.Intake;
import io.directline.channel.webhook.ConditionalOnPropertiesSet;
import io.directline.channel.webhook.WebhookProperties;
import io.directline.channel.webhook.Webhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * X's Account Activity webhook: answers the CRC challenge, and takes direct messages and mentions
 * whose {@code x-twitter-webhooks-signature} is right.
 */
@RestController
@RequestMapping("/webhooks/x")
@ConditionalOnPropertiesSet("directline.channels.x.consumer-secret")
class XWebhookController {

    static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";
    static final int MAX_CRC_TOKEN = 255;

    /** X's challenge: a short random token in URL-safe (or base64) characters, never JSON or text. */
    private static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9_\\-=+/.]{1," + MAX_CRC_TOKEN + "}");

    private final XProperties properties;
    private final Intake intake;
    private final JsonMapper json;
    private final long maxBytes;

    XWebhookController(XProperties properties, Intake intake, JsonMapper json, WebhookProperties webhooks) {
        this.properties = properties;
        this.intake = intake;
        this.json = json;
        this.maxBytes = webhooks.maxSize().toBytes();
    }

    /**
     * The challenge-response check X makes when the webhook is registered, and hourly after. Only a token
     * shaped like X's is signed: the answer is the same HMAC that authenticates deliveries, so signing
     * anything else (a whole JSON event) would let anyone forge a delivery.
     */
    @GetMapping
    Map<String, String> crc(@RequestParam("crc_token") String token) {
        if (!CRC_TOKEN.matcher(token).matches()) {
            throw Webhooks.malformed("crc_token must be 1 to " + MAX_CRC_TOKEN
                    + " letters, digits or - _ = + / . characters, as X sends it.");
        }
        return Map.of("response_token", signature(properties.consumerSecret(), token.getBytes(StandardCharsets.UTF_8)));
    }

    @PostMapping
    Map<String, Integer> receive(
            HttpServletRequest request, @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        var body = Webhooks.body(request, maxBytes);
        if (!Webhooks.sameSignature(signature(properties.consumerSecret(), body), signature)) {
            throw Webhooks.unauthorized("The " + SIGNATURE_HEADER + " header is missing or does not match the body.");
        }
        tools.jackson.databind.JsonNode delivery;
        try {
            delivery = json.readTree(body);
        } catch (JacksonException e) {
            throw Webhooks.malformed("The body is not valid JSON.");
        }
        int received = 0;
        int duplicates = 0;
        for (var message : XActivityParser.parse(delivery)) {
            try {
                var result = intake.accept(message);
                if (result.duplicate()) {
                    duplicates++;
                } else {
                    received++;
                }
            } catch (IllegalArgumentException e) {
                throw Webhooks.malformed(e.getMessage());
            }
        }
        return Map.of("received", received, "duplicates", duplicates);
    }

    /** {@code sha256=} and the base64 HMAC-SHA256 of the message, keyed with the consumer secret. */
    static String signature(String consumerSecret, byte[] message) {
        return "sha256=" + Base64.getEncoder().encodeToString(Webhooks.hmac("HmacSHA256", consumerSecret, message));
    }
}
