package io.directline.experience;

import io.directline.experience.SurveyAnswered.SurveyKind;
import java.time.Instant;

/**
 * Survey answers given before they reached Direct Line: the history of the helpdesk it replaces, or a demo's. Each
 * is stored as answered at its time and goes into the owner's ledger at that time, as a live answer does.
 */
public interface SurveyHistory {

    /**
     * Records an answered survey about a settled case, as it happened.
     *
     * @param channel how the answer came ({@code email-link}, {@code sms}, {@code portal})
     * @return false when the case was surveyed before (nothing recorded)
     * @throws IllegalArgumentException for a score outside the kind's scale, or an answer before the question
     */
    boolean importAnswered(long caseId, SurveyKind kind, int score, String channel, Instant sentAt, Instant answeredAt);
}
