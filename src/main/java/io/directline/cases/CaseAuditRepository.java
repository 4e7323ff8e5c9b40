package io.directline.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAuditRepository extends JpaRepository<CaseAudit, Long> {

    List<CaseAudit> findByCaseIdOrderByAtAscIdAsc(long caseId);
}
