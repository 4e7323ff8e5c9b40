package io.directline.journey;

import java.time.Instant;

/**
 * An owner opened a case about a delayed order after they had been told of the delay (by a personal notice or a
 * broadcast).
 */
public record OwnerToldBeforeAsking(
        long caseId, long customerId, String orderRef, Milestone milestone, Instant toldAt, Instant askedAt) {}
