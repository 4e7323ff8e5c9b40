package io.directline.channel.outbox;

import io.directline.customer.Channel;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OutboundMessageRepository extends JpaRepository<OutboundMessage, Long> {

    boolean existsByMessageId(long messageId);

    boolean existsByIdempotencyKey(String idempotencyKey);

    /** Rows not yet sent, by channel and status (uses the status index; SENT rows are never counted). */
    @Query("select o.channel, o.status, count(o) from OutboundMessage o"
            + " where o.status in (io.directline.channel.outbox.OutboxStatus.QUEUED, io.directline.channel.outbox.OutboxStatus.SENDING,"
            + " io.directline.channel.outbox.OutboxStatus.FAILED) group by o.channel, o.status")
    List<Object[]> countUnsentRows();

    record ChannelCount(Channel channel, OutboxStatus status, long count) {}

    default List<ChannelCount> countUnsent() {
        return countUnsentRows().stream()
                .map(r -> new ChannelCount((Channel) r[0], (OutboxStatus) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    /** The longest-waiting due row on the given channels, if any. */
    Optional<OutboundMessage> findFirstByStatusAndNextAttemptAtLessThanEqualAndChannelInOrderByNextAttemptAt(
            OutboxStatus status, Instant now, Collection<Channel> channels);

    /** The latest rows that failed or are being retried after a failure. */
    @Query(
            "select o from OutboundMessage o where o.status in (io.directline.channel.outbox.OutboxStatus.QUEUED,"
                    + " io.directline.channel.outbox.OutboxStatus.FAILED) and o.lastError is not null order by o.createdAt desc")
    List<OutboundMessage> findRecentErrors(Pageable page);

    Optional<OutboundMessage> findByMessageId(long messageId);

    /** Keeps the signed link a notice ends with, made at its first attempt, for every later attempt. */
    @Modifying
    @Query("update OutboundMessage o set o.portalLink = :link where o.id = :id and o.portalLink is null")
    int linkToPortal(long id, String link);

    boolean existsByIdAndVersion(long id, long version);

    /**
     * Marks a row sent without the provider's answer (when storing that failed); never undoes a send, and
     * does nothing to a row already recorded as sent.
     */
    @Modifying
    @Query("update OutboundMessage o set o.status = io.directline.channel.outbox.OutboxStatus.SENT, o.sentAt = :sentAt,"
            + " o.nextAttemptAt = null, o.lastError = :note, o.version = o.version + 1"
            + " where o.id = :id and o.status <> io.directline.channel.outbox.OutboxStatus.SENT")
    int markSent(long id, Instant sentAt, String note);
}
