package io.directline.sla;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CaseClockRepository extends JpaRepository<CaseClock, Long> {

    List<CaseClock> findByCaseIdOrderByStartedAtAscIdAsc(long caseId);

    /** The clocks of a case that still count or may count again (uses the case_id, state index). */
    @Query("select c from CaseClock c where c.caseId = :caseId and c.state <> io.directline.sla.SlaClock.State.STOPPED"
            + " order by c.id")
    List<CaseClock> findActive(long caseId);

    /** Running clocks whose due instant has come and whose breach is not recorded (the watch_at index). */
    @Query("select c from CaseClock c where c.watchAt <= :now order by c.watchAt, c.id")
    List<CaseClock> findDue(Instant now, Pageable page);

    /** Claims a clock for this node: succeeds for exactly one node, whichever updates the version first. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update CaseClock c set c.version = c.version + 1 where c.id = :id and c.version = :version"
            + " and c.watchAt is not null")
    int claim(long id, long version);
}
