package io.directline.journey;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The owners a segment of orders reaches, counted and paged from indexed queries (never one owner at a time). */
public interface OrderSegments {

    /** How many owners (not orders) the segment reaches. */
    long count(Segment segment);

    /**
     * The next owners of the segment after {@code afterCustomerId}, one member per owner, ordered by owner id: a
     * keyset page, so a fan-out resumes after a crash from the last owner it recorded.
     */
    List<SegmentMember> page(Segment segment, long afterCustomerId, int limit);

    /**
     * Records that these orders' owners were told about the current estimate of a milestone by a broadcast, so the
     * journey sends them no personal delay notice of its own for it.
     */
    void markTold(Collection<String> orderRefs, Milestone milestone, String source, Instant at);
}
