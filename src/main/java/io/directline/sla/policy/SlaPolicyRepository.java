package io.directline.sla.policy;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

    List<SlaPolicy> findByActiveTrueOrderByIdAsc();

    List<SlaPolicy> findAllByOrderByIdAsc();
}
