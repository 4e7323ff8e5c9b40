package io.directline.channel.outbox;

import io.directline.cases.Attachment;
import io.directline.customer.Channel;
import java.util.List;

/**
 * One answer to deliver.
 *
 * @param recipient the owner's address on the channel (e-mail, phone number, network handle)
 * @param html the answer as stored (sanitized HTML); {@link #text()} is the same as plain text
 * @param threadKeys the case's keys on this channel, oldest first (for In-Reply-To / References, or the
 *     status to reply to)
 * @param publicThread the answer replies to a public post (the owner's latest message on this channel was
 *     one, not a private message); never put personal data in a public answer
 * @param idempotencyKey stable across retries of this answer
 * @param portalLink the link that signs the owner in and opens the case, for an answer cut short; null for the
 *     plain link to the case (public posts, channels that carry the whole answer)
 * @param attachments the files sent with the answer, for a channel that {@linkplain OutboundSender#carriesFiles()
 *     carries files} (empty for the others, whose text links to the portal instead)
 */
public record OutboundDelivery(
        long outboxId,
        long caseId,
        String caseReference,
        String caseSubject,
        Channel channel,
        String recipient,
        String recipientName,
        String author,
        String html,
        String text,
        List<String> threadKeys,
        boolean publicThread,
        String idempotencyKey,
        String portalLink,
        List<Attachment> attachments) {}
