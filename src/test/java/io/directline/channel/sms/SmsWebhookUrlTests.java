package io.directline.channel.sms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.channel.webhook.WebhookProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * Behind TLS termination the node sees another URL than the one Twilio called and signed: with
 * {@code directline.channels.sms.webhook-url} set, the signature is checked against that public URL.
 */
class SmsWebhookUrlTests {

    static final String TOKEN = "sms-url-test-token";
    static final String PUBLIC_URL = "https://support.example.com/webhooks/sms";
    static final String SEEN_URL = "http://10.0.0.7:8080/webhooks/sms";
    // signed, but without From and Body: a right signature gets as far as 400, a wrong one stops at 401
    static final List<Map.Entry<String, String>> PARAMS =
            List.of(Map.entry("MessageSid", "SM0001"), Map.entry("To", "+15550009999"));

    private final SmsWebhookController controller = new SmsWebhookController(
            new SmsProperties(TOKEN, null, null, "https://api.twilio.com", PUBLIC_URL),
            null,
            new WebhookProperties(DataSize.ofKilobytes(64)));

    private static MockHttpServletRequest behindTheProxy() {
        var request = new MockHttpServletRequest("POST", "/webhooks/sms");
        request.setScheme("http");
        request.setServerName("10.0.0.7");
        request.setServerPort(8080);
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent("MessageSid=SM0001&To=%2B15550009999".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void theSignatureIsCheckedAgainstTheConfiguredPublicUrlNotTheOneTheNodeSees() {
        assertThatThrownBy(() -> controller.receive(behindTheProxy(), TwilioSignature.of(TOKEN, PUBLIC_URL, PARAMS)))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(
                                        e.getStatusCode().value())
                                .isEqualTo(400));
        assertThatThrownBy(() -> controller.receive(behindTheProxy(), TwilioSignature.of(TOKEN, SEEN_URL, PARAMS)))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(
                                        e.getStatusCode().value())
                                .isEqualTo(401));
    }
}
