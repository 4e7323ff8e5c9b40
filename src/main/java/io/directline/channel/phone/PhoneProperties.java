package io.directline.channel.phone;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The telephone system's (CTI) webhook.
 *
 * @param secret signs each call event ({@code X-DirectLine-Signature}); the webhook is on only when set
 */
@ConfigurationProperties("directline.channels.phone")
record PhoneProperties(String secret) {}
