package io.directline.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupportCaseRepository extends JpaRepository<SupportCase, Long> {

    Optional<SupportCase> findByIdAndCustomerId(long id, long customerId);

    /**
     * Open cases per assignee. support_case_assignee_updated_idx (assignee, updated_at, id) finds each assignee's
     * cases by its leading column; the status is checked on those rows only, never on a scan of every case.
     */
    @Query("select c.assignee, count(c) from SupportCase c where c.assignee in :assignees"
            + " and c.status not in :finished group by c.assignee")
    List<Object[]> countByAssigneeInAndStatusNotIn(Collection<String> assignees, Collection<CaseStatus> finished);

    Optional<SupportCase> findFirstByCustomerIdAndStatusInOrderByUpdatedAtDescIdDesc(
            long customerId, Collection<CaseStatus> statuses);

    /** Cases whose order number starts with a prefix, by support_case_order_idx; Spring Data escapes % and _. */
    List<SupportCase> findByOrderIdStartingWithOrderByOrderIdAscIdAsc(String prefix, Limit limit);
}
