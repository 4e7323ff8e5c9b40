package io.directline.channel.social;

import io.directline.channel.intake.InboundMessage;
import io.directline.channel.outbox.AnswerFitter;
import io.directline.channel.webhook.Webhooks;
import io.directline.customer.Channel;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads an Account Activity delivery: direct messages ({@code direct_message_events} of type
 * {@code message_create}) and mentions ({@code tweet_create_events}). What our own account sent is
 * left out. The sender is their user id ({@code sender_id}, {@code user.id_str}), which survives a
 * rename; the screen name is only shown. A direct message threads by the sender ({@code dm:<user id>},
 * the key answers are sent with); a mention by its status id and the status it replies to.
 */
final class XActivityParser {

    /** The thread key of the direct-message conversation with one user. */
    static final String DM_PREFIX = "dm:";

    private XActivityParser() {}

    static List<InboundMessage> parse(JsonNode delivery) {
        if (delivery == null || !delivery.isObject()) {
            throw Webhooks.malformed("The body must be a JSON object.");
        }
        var ownAccount = text(delivery.path("for_user_id"));
        var messages = new ArrayList<InboundMessage>();
        var dms = delivery.path("direct_message_events");
        if (!dms.isMissingNode() && !dms.isArray()) {
            throw Webhooks.malformed("direct_message_events must be an array.");
        }
        for (var event : dms) {
            if (!"message_create".equals(text(event.path("type")))) {
                continue;
            }
            var id = text(event.path("id"));
            var create = event.path("message_create");
            var senderId = text(create.path("sender_id"));
            var body = text(create.path("message_data").path("text"));
            if (id == null || senderId == null || body == null) {
                throw Webhooks.malformed("A direct message event needs id, message_create.sender_id and"
                        + " message_create.message_data.text.");
            }
            if (senderId.equals(ownAccount)) {
                continue;
            }
            var user = delivery.path("users").path(senderId);
            var screenName = text(user.path("screen_name"));
            messages.add(new InboundMessage(
                    Channel.X,
                    id,
                    screenName != null ? screenName : senderId,
                    text(user.path("name")),
                    null,
                    AnswerFitter.html(body),
                    List.of(DM_PREFIX + senderId),
                    id,
                    false,
                    senderId,
                    true));
        }
        var tweets = delivery.path("tweet_create_events");
        if (!tweets.isMissingNode() && !tweets.isArray()) {
            throw Webhooks.malformed("tweet_create_events must be an array.");
        }
        for (var tweet : tweets) {
            var id = text(tweet.path("id_str"));
            var user = tweet.path("user");
            var userId = text(user.path("id_str"));
            var full = text(tweet.path("extended_tweet").path("full_text"));
            var body = full != null ? full : text(tweet.path("text"));
            var screenName = text(user.path("screen_name"));
            if (id == null || body == null || userId == null) {
                throw Webhooks.malformed("A tweet_create_event needs id_str, text and user.id_str.");
            }
            if (userId.equals(ownAccount)) {
                continue;
            }
            var repliesTo = text(tweet.path("in_reply_to_status_id_str"));
            messages.add(new InboundMessage(
                    Channel.X,
                    id,
                    screenName != null ? screenName : userId,
                    text(user.path("name")),
                    null,
                    // the v1.1 text is already HTML-escaped (&amp; &lt; &gt;)
                    body.replace("\n", "<br>"),
                    repliesTo == null ? List.of() : List.of(repliesTo),
                    id,
                    true,
                    userId,
                    true));
        }
        return messages;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        var value = node.asString();
        return value == null || value.isBlank() ? null : value;
    }
}
