package io.directline.sla;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseSlaRepository extends JpaRepository<CaseSla, Long> {}
