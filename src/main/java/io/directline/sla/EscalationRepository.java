package io.directline.sla;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationRepository extends JpaRepository<Escalation, Long> {

    List<Escalation> findByCaseIdOrderByAtAscIdAsc(long caseId);
}
