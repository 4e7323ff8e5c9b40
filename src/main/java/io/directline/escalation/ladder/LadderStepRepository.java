package io.directline.escalation.ladder;


import io.directline.escalation.ladder.LadderStep;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LadderStepRepository extends JpaRepository<LadderStep, Long> {

    List<LadderStep> findByCaseIdOrderByAtAscIdAsc(long caseId);
}
