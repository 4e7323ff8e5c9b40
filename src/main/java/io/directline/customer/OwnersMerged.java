package io.directline.customer;

import java.time.Instant;

/**
 * Owner {@code from} was merged into owner {@code into}. Published inside the merge's transaction: every module that
 * keeps rows by owner moves those of {@code from} to {@code into} in a synchronous listener (one bulk update per
 * table) and records the ids it moved through {@link OwnerMerges#recordMoved}, so an undo moves exactly those back.
 */
public record OwnersMerged(long mergeId, long from, long into, String mergedBy, String reason, Instant at) {}
