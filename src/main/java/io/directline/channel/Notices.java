package io.directline.channel;

import java.util.List;

/** Queues notices to owners in the caller's transaction, reports their progress, and stops them. */
public interface Notices {

    /** Queues one notice in the caller's transaction; returns false when its idempotency key was queued before. */
    boolean queue(Notice notice);

    /**
     * Queues many notices in the caller's transaction with batched, set-based inserts (owners looked up in one
     * query per call, never one by one); notices whose idempotency key was queued before are skipped.
     *
     * @return how many were newly queued
     */
    int queueAll(List<Notice> notices);

    /** Where the notices of one source stand, counted by indexed aggregate. */
    NoticeProgress progress(String source);

    /** Stops every notice of this source that is not yet sent; returns how many were stopped. */
    int cancel(String source);

    /**
     * The case the owner's reply to their notice threads into (a personal note's own case while it is open, else the
     * one the sending's module opens or reuses), in the caller's transaction. Throws a 404 problem for a notice that
     * is not the owner's, and a 409 problem for one nothing takes a reply to in.
     */
    long caseForReply(long noticeId, long customerId);

    /** The notices an owner was sent or will be sent, newest first, at most {@code limit}. */
    List<SentNotice> ofOwner(long customerId, int limit);
}
