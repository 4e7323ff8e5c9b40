package io.directline.channel.social;

import io.directline.channel.intake.InboundMessage;
import io.directline.channel.intake.Intake;
import io.directline.channel.outbox.ProviderCalls;
import io.directline.channel.webhook.ConditionalOnPropertiesSet;
import io.directline.customer.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Fetches new mentions from the account's notifications every poll interval and takes each into a
 * case: a {@code direct} mention privately, any other publicly. Pages forward with {@code min_id} from the
 * newest notification taken, until a page is not full, so a burst larger than a page (or the backlog after
 * downtime) arrives whole. Each notification is taken in by its own transaction; one that fails for a
 * reason other than bad input is recorded as skipped (log, counter, {@code skipped_inbound}, this health
 * indicator) and the rest go on. The cursor moves only past what was taken in or recorded as skipped; a
 * database failure stops the poll where it is, to go on from there next time.
 */
@Component
@ConditionalOnPropertiesSet({"directline.channels.mastodon.base-url", "directline.channels.mastodon.access-token"})
class MastodonPoller implements SchedulingConfigurer, HealthIndicator {

    static final String CURSOR = "mastodon.notifications";
    static final int PAGE_SIZE = 40;
    /** Pages fetched by one poll at most; the rest follow on the next poll. */
    static final int MAX_PAGES = 50;

    private static final Logger log = LoggerFactory.getLogger(MastodonPoller.class);
    private static final Comparator<String> BY_ID =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final MastodonProperties properties;
    private final RestClient api;
    private final Intake intake;
    private final ChannelCursors cursors;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry metrics;
    private final Clock clock;
    private volatile String lastError;

    MastodonPoller(
            MastodonProperties properties,
            Intake intake,
            ChannelCursors cursors,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            MeterRegistry metrics,
            Clock clock) {
        this.properties = properties;
        this.api = ProviderCalls.client(properties.baseUrl());
        this.intake = intake;
        this.cursors = cursors;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::pollSafely, properties.pollInterval());
    }

    private void pollSafely() {
        try {
            poll();
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Fetching Mastodon mentions failed; trying again in {}", properties.pollInterval(), e);
        }
    }

    /** Takes the mentions that arrived since the last poll; returns how many new messages that made. */
    int poll() {
        int taken = 0;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            var cursor = cursors.get(CURSOR).orElse(null);
            var page = fetch(cursor);
            var notifications = new ArrayList<JsonNode>();
            if (page != null && page.isArray()) {
                page.forEach(notifications::add);
            }
            int fetched = notifications.size();
            notifications.removeIf(n -> id(n.path("id")) == null);
            notifications.sort(Comparator.comparing(n -> id(n.path("id")), BY_ID));
            boolean advanced = false;
            for (var notification : notifications) {
                taken += take(notification);
                var id = id(notification.path("id"));
                if (cursor == null || BY_ID.compare(id, cursor) > 0) {
                    cursors.set(CURSOR, id);
                    cursor = id;
                    advanced = true;
                }
            }
            if (fetched < PAGE_SIZE || !advanced) {
                break;
            }
        }
        return taken;
    }

    private JsonNode fetch(String minId) {
        return api.get()
                .uri(b -> {
                    b.path("/api/v1/notifications")
                            .queryParam("types[]", "mention")
                            .queryParam("limit", PAGE_SIZE);
                    if (minId != null) {
                        b.queryParam("min_id", minId);
                    }
                    return b.build();
                })
                .header("Authorization", "Bearer " + properties.accessToken())
                .retrieve()
                .body(JsonNode.class);
    }

    /** Takes one notification in; 1 for a new message. A database failure is thrown, to stop the poll. */
    private int take(JsonNode notification) {
        var id = id(notification.path("id"));
        var message = mention(notification);
        if (message == null) {
            return 0;
        }
        try {
            return intake.accept(message).duplicate() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            log.info("Skipped Mastodon notification {}: {}", id, e.getMessage());
            return 0;
        } catch (DataAccessResourceFailureException | CannotCreateTransactionException e) {
            // the database is away: stop here, and go on from this notification next time
            throw e;
        } catch (RuntimeException e) {
            skip(id, notification, e);
            return 0;
        }
    }

    private void skip(String id, JsonNode notification, RuntimeException e) {
        var reason = abbreviate(e.getMessage() == null ? e.getClass().getName() : e.getMessage(), 1000);
        log.error(
                "Mastodon notification {} cannot be taken in and is skipped (kept in skipped_inbound): {}",
                id,
                reason,
                e);
        metrics.counter("directline.channels.skipped", "channel", Channel.MASTODON.name())
                .increment();
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        transactions.executeWithoutResult(
                tx -> jdbc.sql("insert into skipped_inbound (channel, external_id, reason, payload, skipped_at)"
                                + " values (?, ?, ?, ?, ?)")
                        .params(
                                Channel.MASTODON.name(),
                                abbreviate(id, 400),
                                reason,
                                abbreviate(notification.toString(), 100_000),
                                now)
                        .update());
    }

    @Override
    public Health health() {
        var details = new LinkedHashMap<String, Object>();
        details.put(
                "skipped",
                jdbc.sql("select count(*) from skipped_inbound where channel = ?")
                        .param(Channel.MASTODON.name())
                        .query(Long.class)
                        .single());
        var latest = jdbc.sql("select external_id, reason, skipped_at from skipped_inbound where channel = ?"
                        + " order by skipped_at desc, id desc limit 5")
                .param(Channel.MASTODON.name())
                .query((rs, n) -> {
                    var alert = new LinkedHashMap<String, Object>();
                    alert.put("notification", rs.getString(1));
                    alert.put("reason", rs.getString(2));
                    alert.put("at", rs.getObject(3, OffsetDateTime.class).toString());
                    return alert;
                })
                .list();
        if (!latest.isEmpty()) {
            details.put("latestSkipped", latest);
        }
        cursors.get(CURSOR).ifPresent(c -> details.put("cursor", c));
        var error = lastError;
        if (error != null) {
            details.put("lastError", error);
            return Health.down().withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
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
