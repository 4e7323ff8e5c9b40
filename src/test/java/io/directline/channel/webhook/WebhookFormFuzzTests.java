package io.directline.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.springframework.web.ErrorResponseException;

/** Any form body (the SMS webhook's) is read into name-value pairs or refused with a 400 problem. */
@Tag("fuzz")
class WebhookFormFuzzTests {

    @FuzzTest(maxDuration = "20s")
    void formBodiesAreReadOrRefusedWithA400(byte[] body) {
        try {
            var pairs = Webhooks.form(body);
            pairs.forEach(p -> {
                assertThat(p.getKey()).isNotNull();
                assertThat(p.getValue()).isNotNull();
            });
        } catch (ErrorResponseException refused) {
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
        }
    }
}
