package io.directline.experience;

import java.time.Instant;

/**
 * An owner answered a survey after a resolution.
 *
 * @param kind CSAT (score 1–5) or NPS (score 0–10)
 * @param channel how the answer came (e-mail link, SMS digit, portal form)
 */
public record SurveyAnswered(
        long surveyId, long customerId, Long caseId, SurveyKind kind, int score, String channel, Instant at) {

    /** A survey's scale. */
    public enum SurveyKind {
        CSAT,
        NPS
    }

    /** Good (+1), neutral (0) or poor (−1): CSAT 4–5 / 3 / 1–2, NPS 9–10 / 7–8 / 0–6. */
    public int sign() {
        return switch (kind) {
            case CSAT -> score >= 4 ? 1 : score == 3 ? 0 : -1;
            case NPS -> score >= 9 ? 1 : score >= 7 ? 0 : -1;
        };
    }
}
