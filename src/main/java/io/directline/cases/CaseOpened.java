package io.directline.cases;

import io.directline.customer.Channel;
import java.time.Instant;

/** A new case was opened for an owner. */
public record CaseOpened(long caseId, long customerId, Channel channel, Priority priority, Instant openedAt) {}
