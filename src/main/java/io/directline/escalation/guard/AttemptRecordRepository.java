package io.directline.escalation.guard;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttemptRecordRepository extends JpaRepository<AttemptRecord, Long> {

    Optional<AttemptRecord> findByCustomerIdAndIdempotencyKey(long customerId, String idempotencyKey);

    List<AttemptRecord> findByCaseIdOrderByAtAscIdAsc(long caseId);
}
