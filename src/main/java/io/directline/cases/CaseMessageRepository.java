package io.directline.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseMessageRepository extends JpaRepository<CaseMessage, Long> {

    List<CaseMessage> findByCaseIdOrderByCreatedAtAscIdAsc(long caseId);

    @Query(
            "select m from CaseMessage m where m.caseId = :caseId and m.direction <> io.directline.cases.Direction.INTERNAL"
                    + " order by m.createdAt, m.id")
    List<CaseMessage> findPublicByCaseId(long caseId);
}
