package io.directline.channel.outbox;

import io.directline.customer.Channel;
import java.util.List;

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

    /** Whether {@link #sendAll} sends several messages in one go (over one connection) rather than one by one. */
    default boolean sendsInOneGo() {
        return false;
    }

    /**
     * Sends several messages, over one connection where the channel has connections (SMTP); one outcome per delivery,
     * in the same order. A failure of one never hides the others' outcomes. By default, one {@link #send} each.
     */
    default List<SendOutcome> sendAll(List<OutboundDelivery> deliveries) {
        var outcomes = new java.util.ArrayList<SendOutcome>(deliveries.size());
        for (var delivery : deliveries) {
            outcomes.add(SendOutcome.of(() -> send(delivery)));
        }
        return outcomes;
    }

    /** What became of one message of {@link #sendAll}: sent (with the provider's answer) or failed. */
    record SendOutcome(SendResult result, Exception failure) {

        /** Runs one send, turning any exception into a failed outcome. */
        public static SendOutcome of(Send send) {
            try {
                return new SendOutcome(send.send(), null);
            } catch (DeliveryFailure | RuntimeException e) {
                return new SendOutcome(null, e);
            }
        }

        public static SendOutcome failed(Exception failure) {
            return new SendOutcome(null, failure);
        }
    }

    /** One send. */
    @FunctionalInterface
    interface Send {
        SendResult send() throws DeliveryFailure;
    }

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
