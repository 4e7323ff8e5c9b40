package io.directline.channel.social;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * X (Twitter): the Account Activity webhook and the v2 API for answers.
 *
 * @param consumerSecret the app's consumer secret; signs the webhook (CRC and payloads). The webhook is
 *     on only when it is set
 * @param bearerToken the user-context token answers are posted with. Answers go out only when it is set
 * @param apiBaseUrl where the X API is
 */
@ConfigurationProperties("directline.channels.x")
record XProperties(
        String consumerSecret,
        String bearerToken,
        @DefaultValue("https://api.x.com") String apiBaseUrl) {}
