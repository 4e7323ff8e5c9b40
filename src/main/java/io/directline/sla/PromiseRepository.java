package io.directline.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PromiseRepository extends JpaRepository<Promise, Long> {

    List<Promise> findByCaseIdOrderByDueAtAscIdAsc(long caseId);

    Optional<Promise> findByIdAndCaseId(long id, long caseId);

    /** Open promises whose due time has come, earliest first (uses the status, due_at index). */
    @Query("select p from Promise p where p.status = io.directline.sla.PromiseStatus.OPEN and p.dueAt <= :now"
            + " order by p.dueAt, p.id")
    List<Promise> findDue(Instant now, Pageable page);

    /** Claims a promise for this node: succeeds for exactly one node, whichever updates the version first. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Promise p set p.version = p.version + 1 where p.id = :id and p.version = :version"
            + " and p.status = io.directline.sla.PromiseStatus.OPEN")
    int claim(long id, long version);
}
