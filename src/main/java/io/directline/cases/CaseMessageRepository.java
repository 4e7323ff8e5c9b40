package io.directline.cases;

import io.directline.customer.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseMessageRepository extends JpaRepository<CaseMessage, Long> {

    Optional<CaseMessage> findByChannelAndExternalId(Channel channel, String externalId);

    List<CaseMessage> findByCaseIdOrderByCreatedAtAscIdAsc(long caseId);

    @Query(
            "select m from CaseMessage m where m.caseId = :caseId and m.direction <> io.directline.cases.Direction.INTERNAL"
                    + " order by m.createdAt, m.id")
    List<CaseMessage> findPublicByCaseId(long caseId);
}
