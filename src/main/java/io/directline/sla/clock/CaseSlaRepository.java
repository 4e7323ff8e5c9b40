package io.directline.sla.clock;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseSlaRepository extends JpaRepository<CaseSla, Long> {}
