package io.directline.channel.email;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The e-mail channel.
 *
 * @param address the support address answers are sent from (and mail from it is never taken in)
 * @param webhookSecret the shared secret of {@code POST /webhooks/email} signatures; the webhook refuses
 *     everything while it is unset
 * @param maxMessageSize the largest raw message taken in
 * @param maxAttachmentSize attachments over this size are recorded as omitted
 * @param imap the mailbox polled for new mail; polling is off while no host is set
 * @param authservId the id our receiving mail server writes into {@code Authentication-Results}; only its
 *     dmarc/dkim/spf pass makes a sender authenticated, and only an authenticated sender joins a case by
 *     quoting its {@code DL-} reference. Unset: no e-mail counts as authenticated
 */
@Validated
@ConfigurationProperties("directline.channels.email")
record EmailProperties(
        @DefaultValue("support@directline.example") @NotNull String address,
        String webhookSecret,
        @DefaultValue("10MB") @NotNull DataSize maxMessageSize,
        @DefaultValue("10MB") @NotNull DataSize maxAttachmentSize,
        @DefaultValue @Valid Imap imap,
        String authservId) {

    /**
     * @param host the IMAP server; unset disables polling
     * @param port its port; 993 with SSL, 143 without when unset
     * @param ssl IMAPS (implicit TLS)
     * @param folder the folder polled
     * @param pollInterval the wait between two polls
     * @param quarantineFolder where a message that keeps failing is moved (created when missing)
     * @param ignoredFolder where mail no person wrote (auto-replies, bounces, list mail) is moved (created
     *     when missing)
     * @param maxFailures failed intakes of one message before it is quarantined
     */
    record Imap(
            String host,
            Integer port,
            String username,
            String password,
            @DefaultValue("true") boolean ssl,
            @DefaultValue("INBOX") @NotNull String folder,
            @DefaultValue("30s") @NotNull Duration pollInterval,
            @DefaultValue("Quarantine") @NotNull String quarantineFolder,
            @DefaultValue("Ignored") @NotNull String ignoredFolder,
            @DefaultValue("3") @Min(1) int maxFailures) {

        int effectivePort() {
            return port != null ? port : ssl ? 993 : 143;
        }
    }
}
