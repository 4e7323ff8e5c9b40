package io.directline.escalation.responder;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequestedResponderRepository extends JpaRepository<RequestedResponder, Long> {}
