package io.directline.customer;

import java.time.Instant;

/**
 * A likely match between two owners, found when an unknown handle wrote, with the reasons; staff merge or dismiss it.
 *
 * @param customerId the owner the suggestion was made for (the newcomer)
 * @param candidateId the owner they may be
 * @param otherId of the two, the one that is not the owner the suggestions were asked for
 * @param state {@code OPEN}, {@code DISMISSED} or {@code MERGED}
 */
public record MergeSuggestion(
        long id,
        long customerId,
        long candidateId,
        long otherId,
        String otherName,
        String reasons,
        Instant createdAt,
        String state,
        String decidedBy,
        Instant decidedAt) {}
