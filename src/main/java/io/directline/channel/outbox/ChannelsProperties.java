package io.directline.channel.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound delivery.
 *
 * @param enabled whether this node delivers outbox rows at all
 * @param pollInterval how often the dispatcher looks for due rows
 * @param batchSize rows claimed per channel in one statement; at most twice as many are claimed and not yet sent
 * @param maxAttempts attempts before a failing answer is marked failed
 * @param firstRetry the wait after the first failed attempt; it doubles after each further one
 * @param maxRetry the longest wait between two attempts
 * @param lease how long a node may hold a claimed row before another node retries it
 * @param portalUrl where owners reach the portal (scheme, host and port): answers with files on channels that
 *     carry none (SMS, X, Mastodon) link to the case there
 * @param senders threads that call the providers in parallel on this node
 * @param noticeReplyWindow how long after a notice went out by SMS an owner's text message (which names nothing it
 *     answers) is taken as a reply to it, when nothing else was texted to them since
 */
@Validated
@ConfigurationProperties("directline.channels.outbox")
record ChannelsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") @NotNull Duration pollInterval,
        @DefaultValue("100") @Min(1) int batchSize,
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("30s") @NotNull Duration firstRetry,
        @DefaultValue("1h") @NotNull Duration maxRetry,
        @DefaultValue("5m") @NotNull Duration lease,
        @DefaultValue("http://localhost:8080") @NotNull String portalUrl,
        @DefaultValue("4") @Min(1) int senders,
        @DefaultValue("2d") @NotNull Duration noticeReplyWindow) {

    Duration backoff(int attemptsSoFar) {
        long factor = 1L << Math.min(20, Math.max(0, attemptsSoFar - 1));
        var wait = firstRetry.multipliedBy(factor);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
