package io.directline.broadcast.sending;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BroadcastRepository extends JpaRepository<Broadcast, Long> {

    Optional<Broadcast> findByCreatedByAndIdempotencyKey(String createdBy, String idempotencyKey);

    /** The broadcast, its row locked until the transaction ends: one fan-out page or one cancel at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Broadcast b where b.id = :id")
    Optional<Broadcast> lockById(long id);

    @Query("select b.id from Broadcast b where b.status = :status order by b.id")
    List<Long> idsWithStatus(BroadcastStatus status);

    @Query("select b from Broadcast b order by b.createdAt desc, b.id desc")
    List<Broadcast> newestFirst(Pageable page);
}
