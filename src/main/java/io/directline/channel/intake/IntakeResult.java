package io.directline.channel.intake;

/**
 * What the intake did with a message.
 *
 * @param messageId the stored message, or 0 for a short answer (stored by the module that asked, not on a case)
 * @param duplicate the message had arrived before; nothing new was stored
 * @param newCase the message opened a new case
 */
public record IntakeResult(long caseId, long messageId, long customerId, boolean newCase, boolean duplicate) {

    /** A message taken as a short answer about {@code caseId} (a digit to a survey): no case message. */
    static IntakeResult shortAnswer(long caseId, long customerId) {
        return new IntakeResult(caseId, 0, customerId, false, false);
    }

    /** Whether the message was taken as a short answer rather than as a message on a case. */
    public boolean shortAnswer() {
        return messageId == 0;
    }
}
