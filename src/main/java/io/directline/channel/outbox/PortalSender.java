package io.directline.channel.outbox;

import io.directline.customer.Channel;
import org.springframework.stereotype.Component;

/** The portal needs no delivery: the owner reads the answer there. */
@Component
class PortalSender implements OutboundSender {

    @Override
    public Channel channel() {
        return Channel.PORTAL;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) {
        return new SendResult(null, null);
    }
}
