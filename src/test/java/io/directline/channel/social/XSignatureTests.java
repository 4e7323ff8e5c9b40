package io.directline.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** X's CRC answer and payload signature against vectors computed independently, once, from fixed inputs. */
class XSignatureTests {

    static final String SECRET = "x-consumer-secret-vector";

    @Test
    void crcResponseTokenMatchesTheKnownVector() throws Exception {
        var token = "challenge-token-0001";
        String expected = "sha256=H4JoeoYo/Js7olMEZNNpMKW9NEy7dlp4dfi06uvHSII=";
        assertThat("sha256=" + hmacSha256Base64(SECRET, token)).isEqualTo(expected);
        assertThat(XWebhookController.signature(SECRET, token.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
    }

    @Test
    void payloadSignatureMatchesTheKnownVector() throws Exception {
        var body = "{\"for_user_id\":\"1000\",\"direct_message_events\":[]}";
        String expected = "sha256=NlS8MqkDZKHm8SnWmHB97XC4IGzCIY/NsKa0RQn2Qeo=";
        assertThat("sha256=" + hmacSha256Base64(SECRET, body)).isEqualTo(expected);
        assertThat(XWebhookController.signature(SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
        assertThat(XWebhookController.signature(SECRET + "x", body.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(expected);
    }

    @Test
    void newestStatusIsTheLargestNumericId() {
        assertThat(SocialNetwork.newestStatus(java.util.List.of("dm:5", "999", "1000", "998")))
                .isEqualTo("1000");
        assertThat(SocialNetwork.newestStatus(java.util.List.of("dm:5"))).isNull();
    }

    static String hmacSha256Base64(String key, String message) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
