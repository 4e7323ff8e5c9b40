package io.directline.cases;

import io.directline.customer.Channel;
import java.time.Instant;

/** An owner wrote on a case (including the first message that opened it). */
public record MessageReceived(long caseId, long messageId, long customerId, Channel channel, Instant receivedAt) {}
