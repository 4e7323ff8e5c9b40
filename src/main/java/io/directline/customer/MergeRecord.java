package io.directline.customer;

import java.time.Instant;
import java.util.Map;

/**
 * A merge of owner {@code from} into owner {@code into}: who did it and why, and, per table, how many rows moved.
 *
 * @param undoneAt null while the merge stands
 * @param undoableUntil the end of the undo window
 */
public record MergeRecord(
        long id,
        long from,
        long into,
        String reason,
        String mergedBy,
        Instant mergedAt,
        Instant undoableUntil,
        String undoneBy,
        Instant undoneAt,
        Map<String, Integer> moved) {}
