package io.directline.channel.social;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mastodon: mentions are polled from the account's notifications, answers are posted as statuses.
 *
 * @param baseUrl the instance, such as {@code https://mastodon.social}; Mastodon is on only when it and
 *     the access token are set
 * @param accessToken the account's token (scopes {@code read:notifications write:statuses})
 * @param pollInterval how often new mentions are fetched
 */
@ConfigurationProperties("directline.channels.mastodon")
record MastodonProperties(
        String baseUrl,
        String accessToken,
        @DefaultValue("30s") Duration pollInterval) {}
