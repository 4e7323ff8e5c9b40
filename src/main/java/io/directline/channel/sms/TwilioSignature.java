package io.directline.channel.sms;

import io.directline.channel.webhook.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Twilio's request signature: base64 of the HMAC-SHA1, keyed with the auth token, of the full URL
 * followed by each POST parameter's name and value, sorted by name.
 */
final class TwilioSignature {

    private TwilioSignature() {}

    static String of(String authToken, String url, List<Map.Entry<String, String>> params) {
        var data = new StringBuilder(url);
        params.stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey())
                        .thenComparing(Map.Entry::getValue))
                .forEach(e -> data.append(e.getKey()).append(e.getValue()));
        var mac = Webhooks.hmac("HmacSHA1", authToken, data.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }
}
