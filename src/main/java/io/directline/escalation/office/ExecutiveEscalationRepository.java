package io.directline.escalation.office;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExecutiveEscalationRepository extends JpaRepository<ExecutiveEscalation, Long> {

    /** An owner's escalations since {@code since}, newest first: what the quota, cool-down and record look at. */
    List<ExecutiveEscalation> findByCustomerIdAndRequestedAtGreaterThanEqualOrderByRequestedAtDesc(
            long customerId, Instant since);

    List<ExecutiveEscalation> findByCaseIdOrderByRequestedAtAscIdAsc(long caseId);

    /** The office's queue: escalations in these states, the most pressing first (due soonest; unrouted first). */
    @Query("""
            select e from ExecutiveEscalation e where e.state in :states
            order by e.firstResponseDue asc nulls first, e.id asc""")
    List<ExecutiveEscalation> queue(Collection<EscalationState> states, Pageable page);

    Optional<ExecutiveEscalation> findByPromiseId(long promiseId);
}
