package io.directline.escalation.office;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationStepRepository extends JpaRepository<EscalationStep, Long> {

    List<EscalationStep> findByCaseIdOrderByAtAscIdAsc(long caseId);

    /** Adds a step to the escalation's trail. */
    default void record(
            ExecutiveEscalation escalation, Instant at, String actor, EscalationStep.Kind kind, String text) {
        save(new EscalationStep(escalation, at, actor, kind, text));
    }
}
