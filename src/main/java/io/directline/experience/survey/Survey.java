package io.directline.experience.survey;

import io.directline.experience.SurveyAnswered;
import io.directline.experience.SurveyAnswered.SurveyKind;
import java.time.Instant;

/**
 * A survey sent after a resolution.
 *
 * @param score the answer, null while unanswered
 * @param answeredOn how the answer came: {@code email-link}, {@code sms}, {@code portal}
 */
record Survey(
        long id,
        long customerId,
        long caseId,
        SurveyKind kind,
        String channel,
        Instant sentAt,
        Instant expiresAt,
        Instant answeredAt,
        Integer score,
        String answeredOn,
        String answerKey) {

    /** The highest score of the survey's scale; the lowest is 1 for CSAT and 0 for NPS. */
    int max() {
        return kind == SurveyKind.CSAT ? 5 : 10;
    }

    int min() {
        return kind == SurveyKind.CSAT ? 1 : 0;
    }

    boolean fits(int score) {
        return score >= min() && score <= max();
    }

    /** Whether the score counts against us (CSAT 1–2, NPS 0–6), as the ledger counts it. */
    boolean poor(int score) {
        return new SurveyAnswered(id, customerId, caseId, kind, score, "", Instant.EPOCH).sign() < 0;
    }

    boolean answered() {
        return answeredAt != null;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The question as the owner reads it. */
    String question(String caseReference) {
        return kind == SurveyKind.CSAT
                ? "How satisfied are you with how we handled " + caseReference + "?"
                : "How likely are you to recommend us to a friend, after " + caseReference + "?";
    }

    /** What the lowest and highest scores mean, for a person. */
    String scale() {
        return kind == SurveyKind.CSAT
                ? "1 (very dissatisfied) to 5 (very satisfied)"
                : "0 (not at all likely) to 10 (extremely likely)";
    }
}
