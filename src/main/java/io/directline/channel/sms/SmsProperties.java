package io.directline.channel.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMS through a Twilio-compatible provider.
 *
 * @param authToken signs the inbound webhook and, with the account SID, authenticates outbound calls;
 *     the webhook is on only when it is set
 * @param accountSid the account; answers go out only when it, the auth token and the sender number are set
 * @param fromNumber the number answers are sent from (E.164)
 * @param apiBaseUrl where the provider's REST API is
 * @param webhookUrl the public URL the provider calls, when it differs from the URL this node sees (a
 *     proxy in front); the signature is over that URL
 */
@ConfigurationProperties("directline.channels.sms")
record SmsProperties(
        String authToken,
        String accountSid,
        String fromNumber,
        @DefaultValue("https://api.twilio.com") String apiBaseUrl,
        String webhookUrl) {}
