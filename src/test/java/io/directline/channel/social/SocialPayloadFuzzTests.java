package io.directline.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.directline.channel.intake.InboundMessage;
import io.directline.customer.Channel;
import org.junit.jupiter.api.Tag;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever JSON X posts to the webhook or Mastodon returns as a notification, the parsers produce
 * complete messages, skip what is not a message, or refuse with a 4xx problem; nothing else. A
 * well-formed mention is always taken, with every field.
 *
 * <p>A saved input for a {@code String} parameter is in Jazzer's own format, not the bare text: the byte
 * 1 (not null), the length as a four-byte big-endian number, then the UTF-8 bytes.
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
            XActivityParser.parse(delivery).forEach(SocialPayloadFuzzTests::complete);
        } catch (ErrorResponseException refused) {
            assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
        }
    }

    @FuzzTest(maxDuration = "20s")
    void mastodonNotificationsBecomeCompleteMentionsOrNothing(String body) {
        wellFormedMentionsCarryTheirFields(body);
        var notification = json(body);
        if (notification == null) {
            return;
        }
        var mention = MastodonPoller.mention(notification);
        if (!isWellFormedMention(notification)) {
            assertThat(mention)
                    .as("not a mention with an id, a sender and a text: %s", body)
                    .isNull();
            return;
        }
        assertThat(mention).as("a well-formed mention: %s", body).isNotNull();
        var status = notification.path("status");
        assertThat(mention.externalId()).isEqualTo(status.path("id").asString());
        assertThat(mention.senderHandle())
                .isEqualTo(notification.path("account").path("acct").asString());
        assertThat(mention.body()).isEqualTo(status.path("content").asString());
        assertThat(mention.publicPost())
                .isEqualTo(!"direct".equals(status.path("visibility").asString("")));
    }

    /**
     * A mention built around the fuzz data (as its text and its sender's name) is taken with every field,
     * so a parser that takes nothing fails here even when the fuzz data itself is not a notification.
     */
    private static void wellFormedMentionsCarryTheirFields(String data) {
        var text = data == null || data.isBlank() ? "<p>@support is my car ready?</p>" : data;
        var notification = JSON.createObjectNode();
        notification.put("id", "9001");
        notification.put("type", "mention");
        notification.putObject("account").put("acct", "ada@mastodon.example").put("display_name", data);
        notification
                .putObject("status")
                .put("id", "109")
                .put("content", text)
                .put("visibility", "direct")
                .put("in_reply_to_id", "108");

        var mention = MastodonPoller.mention(notification);

        assertThat(mention).as("mention of %s", notification).isNotNull();
        complete(mention);
        assertThat(mention.channel()).isEqualTo(Channel.MASTODON);
        assertThat(mention.externalId()).isEqualTo("109");
        assertThat(mention.senderHandle()).isEqualTo("ada@mastodon.example");
        assertThat(mention.senderName()).isEqualTo(data == null || data.isBlank() ? null : data);
        assertThat(mention.body()).isEqualTo(text);
        assertThat(mention.threadKeys()).containsExactly("108");
        assertThat(mention.ownThreadKey()).isEqualTo("109");
        assertThat(mention.publicPost()).as("a direct mention is private").isFalse();
    }

    /** Mastodon's documented shape: type "mention", a status with an id and content, an account with acct. */
    private static boolean isWellFormedMention(JsonNode notification) {
        var status = notification.path("status");
        return "mention".equals(text(notification.path("type")))
                && text(status.path("id")) != null
                && text(status.path("content")) != null
                && text(notification.path("account").path("acct")) != null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asString().isBlank() ? node.asString() : null;
    }
}
