package io.directline.sla.clock;


import io.directline.sla.clock.CaseSla;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseSlaRepository extends JpaRepository<CaseSla, Long> {}
