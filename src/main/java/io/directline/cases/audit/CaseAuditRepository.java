package io.directline.cases.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseAuditRepository extends JpaRepository<CaseAudit, Long> {

    List<CaseAudit> findByCaseIdOrderByAtAscIdAsc(long caseId);
}
