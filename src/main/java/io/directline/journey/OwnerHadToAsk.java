package io.directline.journey;

import java.time.Instant;

/** An owner opened a case about an order whose delay nobody had told them of. */
public record OwnerHadToAsk(long caseId, long customerId, String orderRef, Milestone milestone, Instant askedAt) {}
