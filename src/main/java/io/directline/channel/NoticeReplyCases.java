package io.directline.channel;

import java.util.Optional;

/**
 * The case an owner's reply to a notice threads into, when the notice names no case of its own (one owner's share
 * of a broadcast): declared here and implemented by the module that sent the notices, so {@code channel} threads
 * the reply without depending on it. With no implementation for a source, the reply opens a new case as any
 * message does.
 */
public interface NoticeReplyCases {

    /**
     * The case a reply of this owner to this notice threads into: the one opened for their earlier reply to the
     * same sending while it is not closed, else a new one about the sending (opened in the caller's transaction, so
     * it commits with the reply). Empty when the notice's source is not this implementation's, or it is gone.
     */
    Optional<Long> caseFor(RepliedNotice notice);

    /**
     * A notice an owner answered.
     *
     * @param customerId the owner it was sent to (and who replied)
     * @param source what sent it ({@code broadcast:42})
     * @param subject the subject as the owner got it
     * @param text the full text as the owner got it
     */
    record RepliedNotice(long customerId, String source, String subject, String text) {}
}
