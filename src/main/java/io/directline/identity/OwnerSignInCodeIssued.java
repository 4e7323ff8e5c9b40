package io.directline.identity;

import io.directline.customer.Channel;

/**
 * A one-time sign-in code (and, by e-mail, a link) was issued to an owner's handle; published in the transaction
 * that stored the code's digest, so the message to send commits with it. The channel module turns it into an
 * outbox row; identity never sends anything itself.
 *
 * @param codeId the code's row, unique: the outbox creates one message per code however often this is delivered
 * @param channel {@code EMAIL} or {@code SMS}; {@code X} or {@code MASTODON} (a private message) for a code that
 *     claims an account from the link of a long answer sent there
 * @param recipient the e-mail address or phone number the owner proved or is proving, or the network account the
 *     link was sent to; never null
 * @param subject the e-mail subject line (ignored for SMS)
 * @param text the plain text to send, holding the code (and link)
 */
public record OwnerSignInCodeIssued(
        long codeId, long customerId, Channel channel, String recipient, String subject, String text) {}
