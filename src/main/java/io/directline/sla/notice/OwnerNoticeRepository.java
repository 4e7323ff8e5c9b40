package io.directline.sla.notice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OwnerNoticeRepository extends JpaRepository<OwnerNotice, Long> {

    /** The owner's latest notice that was sent or is waiting to be sent (the customer_id, send_at index). */
    @Query("select n from OwnerNotice n where n.customerId = :customerId"
            + " and n.status <> io.directline.sla.notice.OwnerNotice.Status.SKIPPED order by n.sendAt desc, n.id desc"
            + " limit 1")
    Optional<OwnerNotice> findLatest(long customerId);

    List<OwnerNotice> findByCaseIdOrderByIdAsc(long caseId);

    /** Notices whose quiet hours are over (the status, send_at index). */
    @Query("select n from OwnerNotice n where n.status = io.directline.sla.notice.OwnerNotice.Status.PENDING"
            + " and n.sendAt <= :now order by n.sendAt, n.id")
    List<OwnerNotice> findDue(Instant now, Pageable page);

    /** Claims a pending notice for this node's transaction ({@code SKIP LOCKED}, as for clocks). */
    @Query(
            value = "select id from owner_notice where id = :id and status = 'PENDING' and send_at <= :now"
                    + " for update skip locked",
            nativeQuery = true)
    List<Long> claim(long id, Instant now);
}
