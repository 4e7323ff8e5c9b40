package io.directline.escalation.ladder;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LadderStepRepository extends JpaRepository<LadderStep, Long> {

    List<LadderStep> findByCaseIdOrderByAtAscIdAsc(long caseId);

    /** The step a case climbed last, by the index on (case_id, at): where it stands on the ladder now. */
    Optional<LadderStep> findFirstByCaseIdOrderByAtDescIdDesc(long caseId);
}
