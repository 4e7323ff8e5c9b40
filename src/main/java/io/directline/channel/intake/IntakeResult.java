package io.directline.channel.intake;

/**
 * What the intake did with a message.
 *
 * @param duplicate the message had arrived before; nothing new was stored
 * @param newCase the message opened a new case
 */
public record IntakeResult(long caseId, long messageId, long customerId, boolean newCase, boolean duplicate) {}
