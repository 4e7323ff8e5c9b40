package io.directline.channel.webhook;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Inbound webhooks of every provider.
 *
 * @param maxSize the largest webhook body; a larger one is answered 413 and not read further
 */
@Validated
@ConfigurationProperties("directline.channels.webhook")
public record WebhookProperties(
        @DefaultValue("1MB") @NotNull DataSize maxSize) {}
