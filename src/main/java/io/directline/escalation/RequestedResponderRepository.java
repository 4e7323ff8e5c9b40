package io.directline.escalation;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequestedResponderRepository extends JpaRepository<RequestedResponder, Long> {}
