package io.directline.channel.intake;

import io.directline.customer.Channel;
import java.util.List;

/**
 * A message as a channel adapter received it, before it is threaded into a case.
 *
 * @param channel where it came from; never null
 * @param externalId the channel's id of this message (e-mail Message-ID, X event id, SMS SID); unique per
 *     channel, and how a second delivery of the same message is recognised; never blank
 * @param senderHandle who sent it, as the channel knows them: e-mail address, phone number, network handle
 * @param senderName the sender's display name, if the channel gives one
 * @param subject the e-mail subject; null for channels without one
 * @param body the text (plain or HTML; it is sanitized when stored); never blank
 * @param threadKeys keys that may name the conversation this message continues (In-Reply-To and
 *     References ids, a conversation id), oldest first; may be empty
 * @param ownThreadKey the key by which later messages may refer to this one (its Message-ID, status id,
 *     conversation id); may be null
 * @param publicPost true for a public mention on a social network
 * @param senderAccountId the network's stable id of the sender's account (an X user id), which stays when the
 *     handle is renamed; null for channels without one, where the handle is the identity
 * @param senderAuthenticated the channel vouches that {@code senderHandle} sent it: a signed provider
 *     webhook (X, SMS, phone) or a polled API does; an e-mail only with a DMARC, DKIM or SPF pass for its From
 *     domain reported by our own mail server. A sender who proves nothing never joins a case just by quoting
 *     its {@code DL-} reference
 */
public record InboundMessage(
        Channel channel,
        String externalId,
        String senderHandle,
        String senderName,
        String subject,
        String body,
        List<String> threadKeys,
        String ownThreadKey,
        boolean publicPost,
        String senderAccountId,
        boolean senderAuthenticated) {

    public InboundMessage {
        threadKeys = threadKeys == null ? List.of() : List.copyOf(threadKeys);
    }

    /** A message from a channel that vouches for its sender and has no account ids (SMS, phone, Mastodon). */
    public InboundMessage(
            Channel channel,
            String externalId,
            String senderHandle,
            String senderName,
            String subject,
            String body,
            List<String> threadKeys,
            String ownThreadKey,
            boolean publicPost) {
        this(
                channel,
                externalId,
                senderHandle,
                senderName,
                subject,
                body,
                threadKeys,
                ownThreadKey,
                publicPost,
                null,
                true);
    }
}
