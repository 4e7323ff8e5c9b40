package io.directline.channel;

import io.directline.customer.Channel;
import java.util.Optional;

/**
 * Short answers an owner sends on a channel to something the company asked them there (a digit by SMS to a
 * survey): declared here and implemented by the module that asked, so the intake takes the answer without
 * depending on it. A message one implementation takes joins no case: it would otherwise reopen the case the
 * question was about. With no implementation, or none that takes it, the message is taken in as any message.
 */
public interface ShortAnswers {

    /**
     * Takes the message as an answer, in the caller's transaction, when it is one.
     *
     * @param customerId the owner who sent it
     * @param messageId the channel's id of the message; the same id a second time is the same answer (taken again,
     *     recording nothing new)
     * @return the case the answer is about when it was taken; empty when it is no answer of this implementation's
     */
    Optional<Long> take(long customerId, Channel channel, String body, String messageId);
}
