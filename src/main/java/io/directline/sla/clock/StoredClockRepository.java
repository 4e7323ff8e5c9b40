package io.directline.sla.clock;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StoredClockRepository extends JpaRepository<StoredClock, Long> {

    List<StoredClock> findByCaseIdOrderByStartedAtAscIdAsc(long caseId);

    /** The clocks of a case that still count or may count again (uses the case_id, state index). */
    @Query(
            "select c from StoredClock c where c.caseId = :caseId and c.state <> io.directline.sla.clock.SlaClock.State.STOPPED"
                    + " order by c.id")
    List<StoredClock> findActive(long caseId);

    /** Running clocks whose due instant has come and whose breach is not recorded (the watch_at index). */
    @Query("select c from StoredClock c where c.watchAt <= :now order by c.watchAt, c.id")
    List<StoredClock> findDue(Instant now, Pageable page);

    /**
     * Claims a due clock for this node's transaction: locks its row unless another node holds it
     * ({@code SKIP LOCKED}); empty when another node has it, its breach is already recorded, or it is no
     * longer due (another node moved its due time after this one read it).
     */
    @Query(
            value = "select id from sla_clock where id = :id and watch_at <= :now for update skip locked",
            nativeQuery = true)
    List<Long> claim(long id, Instant now);
}
