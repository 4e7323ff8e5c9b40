package io.directline.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationStepRepository extends JpaRepository<EscalationStep, Long> {

    List<EscalationStep> findByCaseIdOrderByAtAscIdAsc(long caseId);
}
