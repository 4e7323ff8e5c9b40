package io.directline.cases;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupportCaseRepository extends JpaRepository<SupportCase, Long> {

    Optional<SupportCase> findByIdAndCustomerId(long id, long customerId);

    Optional<SupportCase> findFirstByCustomerIdAndStatusInOrderByUpdatedAtDescIdDesc(
            long customerId, Collection<CaseStatus> statuses);
}
