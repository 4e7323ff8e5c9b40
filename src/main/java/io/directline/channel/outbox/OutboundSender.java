package io.directline.channel.outbox;

import io.directline.customer.Channel;

/**
 * Delivers answers on one channel (SMTP, a social network's API, an SMS API). One implementation per
 * channel, registered as a bean only when that channel is configured; the dispatcher hands each due
 * outbox row to the sender of its channel, outside any database transaction.
 */
public interface OutboundSender {

    Channel channel();

    /**
     * Sends one answer. Returns what the provider said; throws {@link DeliveryFailure} when it did not
     * go out (permanent failures are not retried). A sender that supports idempotency keys passes
     * {@link OutboundDelivery#idempotencyKey()} on, so a retry after a crash never sends twice.
     */
    SendResult send(OutboundDelivery delivery) throws DeliveryFailure;

    /**
     * Whether the channel carries files (e-mail does): the answer's attachments are then handed over in {@link
     * OutboundDelivery#attachments()}; otherwise the answer carries a link to the owner's portal case instead.
     */
    default boolean carriesFiles() {
        return false;
    }

    /** The longest text one message on this channel takes, in characters (for a network: a public post). */
    default int maxLength() {
        return Integer.MAX_VALUE;
    }
}
