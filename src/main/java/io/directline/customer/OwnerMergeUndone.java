package io.directline.customer;

import java.time.Instant;

/**
 * A merge was undone. Published inside the undo's transaction: each module moves the rows it recorded for
 * {@code mergeId} ({@link OwnerMerges#movedRows}) back from {@code into} to {@code from}.
 */
public record OwnerMergeUndone(long mergeId, long from, long into, String undoneBy, Instant at) {}
