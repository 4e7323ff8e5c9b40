package io.directline.channel.social;

import io.directline.channel.InboundMessage;
import io.directline.channel.Intake;
import io.directline.channel.provider.ConditionalOnPropertiesSet;
import io.directline.channel.provider.ProviderCalls;
import io.directline.customer.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Fetches new mentions from the account's notifications every poll interval and takes each into a
 * case: a {@code direct} mention privately, any other publicly. Remembers the newest notification id
 * as {@code since_id}, so each mention is fetched once (and a second fetch is de-duplicated anyway).
 */
@Component
@ConditionalOnPropertiesSet({"directline.channels.mastodon.base-url", "directline.channels.mastodon.access-token"})
class MastodonPoller implements SchedulingConfigurer {

    static final String CURSOR = "mastodon.notifications";

    private static final Logger log = LoggerFactory.getLogger(MastodonPoller.class);
    private static final Comparator<String> BY_ID =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final MastodonProperties properties;
    private final RestClient api;
    private final Intake intake;
    private final ChannelCursors cursors;

    MastodonPoller(MastodonProperties properties, Intake intake, ChannelCursors cursors) {
        this.properties = properties;
        this.api = ProviderCalls.client(properties.baseUrl());
        this.intake = intake;
        this.cursors = cursors;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::pollSafely, properties.pollInterval());
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Fetching Mastodon mentions failed; trying again in {}", properties.pollInterval(), e);
        }
    }

    /** Takes the mentions that arrived since the last poll; returns how many new messages that made. */
    int poll() {
        var since = cursors.get(CURSOR).orElse(null);
        var page = api.get()
                .uri(b -> {
                    b.path("/api/v1/notifications")
                            .queryParam("types[]", "mention")
                            .queryParam("limit", 40);
                    if (since != null) {
                        b.queryParam("since_id", since);
                    }
                    return b.build();
                })
                .header("Authorization", "Bearer " + properties.accessToken())
                .retrieve()
                .body(JsonNode.class);
        if (page == null || !page.isArray()) {
            return 0;
        }
        var notifications = new ArrayList<JsonNode>();
        page.forEach(notifications::add);
        notifications.removeIf(n -> id(n.path("id")) == null);
        notifications.sort(Comparator.comparing(n -> id(n.path("id")), BY_ID));
        int taken = 0;
        for (var notification : notifications) {
            var message = mention(notification);
            if (message != null) {
                try {
                    if (!intake.accept(message).duplicate()) {
                        taken++;
                    }
                } catch (IllegalArgumentException e) {
                    log.info("Skipped Mastodon notification {}: {}", id(notification.path("id")), e.getMessage());
                }
            }
            cursors.set(CURSOR, id(notification.path("id")));
        }
        return taken;
    }

    /** The mention as an inbound message; null for a notification that is not one, or one without a text. */
    static InboundMessage mention(JsonNode notification) {
        if (!"mention".equals(id(notification.path("type")))) {
            return null;
        }
        var status = notification.path("status");
        var statusId = id(status.path("id"));
        var acct = id(notification.path("account").path("acct"));
        var content = id(status.path("content"));
        if (statusId == null || acct == null || content == null) {
            return null;
        }
        var repliesTo = id(status.path("in_reply_to_id"));
        return new InboundMessage(
                Channel.MASTODON,
                statusId,
                acct,
                id(notification.path("account").path("display_name")),
                null,
                content,
                repliesTo == null ? List.of() : List.of(repliesTo),
                statusId,
                !"direct".equals(id(status.path("visibility"))));
    }

    private static String id(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        var value = node.asString();
        return value == null || value.isBlank() ? null : value;
    }
}
