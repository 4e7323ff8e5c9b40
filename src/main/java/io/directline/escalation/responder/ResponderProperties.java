package io.directline.escalation.responder;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The owner's choice of who answers.
 *
 * @param capacity the active cases (neither resolved nor closed) a staff member may hold and still take one more
 *     that an owner asks them for; at this many or more they have no room
 */
@Validated
@ConfigurationProperties("directline.escalation.responder")
record ResponderProperties(@DefaultValue("25") @Min(1) int capacity) {}
