package io.directline.sla.promise;

import io.directline.sla.Promise;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PromiseRepository extends JpaRepository<Promise, Long> {

    List<Promise> findByCaseIdOrderByDueAtAscIdAsc(long caseId);

    Optional<Promise> findByIdAndCaseId(long id, long caseId);

    /** Open promises whose due time has come, earliest first (uses the status, due_at index). */
    @Query("select p from Promise p where p.status = io.directline.sla.PromiseStatus.OPEN and p.dueAt <= :now"
            + " order by p.dueAt, p.id")
    List<Promise> findDue(Instant now, Pageable page);

    /**
     * Claims a due promise for this node's transaction: locks its row unless another node holds it
     * ({@code SKIP LOCKED}); empty when another node has it or it is no longer open.
     */
    @Query(
            value =
                    "select id from promise where id = :id and status = 'OPEN' and due_at <= :now for update skip locked",
            nativeQuery = true)
    List<Long> claim(long id, Instant now);

    /**
     * An owner's open promises on all their cases, soonest due first: the owner's cases by
     * support_case_customer_updated_idx, their promises by promise_case_idx.
     */
    @Query(
            value = "select p.* from promise p join support_case c on c.id = p.case_id"
                    + " where c.customer_id = :customerId and p.status = 'OPEN' order by p.due_at, p.id",
            nativeQuery = true)
    List<Promise> findOpenOfOwner(long customerId, Pageable page);
}
