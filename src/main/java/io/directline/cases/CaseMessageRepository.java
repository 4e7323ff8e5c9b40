package io.directline.cases;

import io.directline.customer.Channel;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseMessageRepository extends JpaRepository<CaseMessage, Long> {

    Optional<CaseMessage> findByChannelAndExternalId(Channel channel, String externalId);

    List<CaseMessage> findByCaseIdOrderByCreatedAtAscIdAsc(long caseId);

    /** The newest message of a direction on one channel up to a time; by case_message_case_idx, read backwards. */
    Optional<CaseMessage> findFirstByCaseIdAndDirectionAndChannelAndCreatedAtLessThanEqualOrderByCreatedAtDescIdDesc(
            Long caseId, Direction direction, Channel channel, java.time.Instant until);

    /** Served by case_message_case_idx (case_id, created_at, id), read backwards. */
    @Query("select m.authorUser from CaseMessage m where m.caseId = :caseId"
            + " and m.direction = io.directline.cases.Direction.OUTBOUND and m.authorUser is not null"
            + " and m.authorUser not in :automatic order by m.createdAt desc, m.id desc")
    List<String> findAnswerAuthorsOnCase(long caseId, Collection<String> automatic, Pageable page);

    /**
     * The owner's cases by support_case_customer_updated_idx, then each case's answers by case_message_case_idx:
     * an owner has few cases, so the sort is over few rows.
     */
    @Query("select m.authorUser from CaseMessage m, SupportCase c where c.id = m.caseId and c.customerId = :customerId"
            + " and m.caseId <> :caseId and m.direction = io.directline.cases.Direction.OUTBOUND"
            + " and m.authorUser is not null and m.authorUser not in :automatic order by m.createdAt desc, m.id desc")
    List<String> findAnswerAuthorsOnOtherCases(
            long customerId, long caseId, Collection<String> automatic, Pageable page);

    @Query(
            "select m from CaseMessage m where m.caseId = :caseId and m.direction <> io.directline.cases.Direction.INTERNAL"
                    + " order by m.createdAt, m.id")
    List<CaseMessage> findPublicByCaseId(long caseId);

    /** Served by case_message_case_idx (case_id, created_at, id): a case has few messages. */
    long countByCaseIdAndDirection(long caseId, Direction direction);
}
