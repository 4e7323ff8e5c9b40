package io.directline.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.directline.channel.InboundMessage;
import org.junit.jupiter.api.Tag;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever JSON X posts to the webhook or Mastodon returns as a notification, the parsers produce
 * complete messages, skip what is not a message, or refuse with a 4xx problem; nothing else.
 */
@Tag("fuzz")
class SocialPayloadFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static void complete(InboundMessage message) {
        assertThat(message.externalId()).isNotBlank();
        assertThat(message.senderHandle()).isNotBlank();
        assertThat(message.body()).isNotNull();
    }

    @FuzzTest(maxDuration = "20s")
    void xDeliveriesBecomeCompleteMessagesOrA4xx(String body) {
        var delivery = json(body);
        if (delivery == null) {
            return;
        }
        try {
            XEvents.parse(delivery).forEach(SocialPayloadFuzzTests::complete);
        } catch (ErrorResponseException refused) {
            assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
        }
    }

    @FuzzTest(maxDuration = "20s")
    void mastodonNotificationsBecomeCompleteMentionsOrNothing(String body) {
        var notification = json(body);
        if (notification == null) {
            return;
        }
        var mention = MastodonPoller.mention(notification);
        if (mention != null) {
            complete(mention);
        }
    }
}
