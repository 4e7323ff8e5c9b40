package io.directline.demo;

import io.directline.experience.SurveyAnswered.SurveyKind;
import io.directline.experience.SurveyHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * The survey history of the demo's settled cases: about three owners in five answered the survey after a resolution,
 * most of them satisfied, some not (CSAT 5: 45 %, 4: 30 %, 3: 12 %, 2: 7 %, 1: 6 % — a company that does well, with
 * room to do better), within two days of the question. Each answer is in the owner's ledger at its time.
 */
@Component
class DemoSurveys {

    private static final int[] SCORES = {5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 2, 2, 1};

    /** A settled demo case and the time of its last message (the resolution). */
    record Settled(long caseId, Instant resolvedAt) {}

    private final SurveyHistory history;
    private final Random random;
    private final Clock clock;

    DemoSurveys(SurveyHistory history, DemoProperties properties, Clock clock) {
        this.history = history;
        this.random = new Random(properties.seed() + 14);
        this.clock = clock;
    }

    /** Records the answers of those who answered; returns how many. */
    int answer(List<Settled> settled) {
        var now = clock.instant();
        int answered = 0;
        for (var s : settled) {
            if (random.nextInt(5) >= 3) {
                continue;
            }
            var sent = s.resolvedAt().plus(Duration.ofMinutes(30));
            var at = sent.plus(Duration.ofMinutes(10 + random.nextInt(2 * 24 * 60)));
            if (at.isAfter(now)) {
                continue;
            }
            var channel = random.nextInt(4) == 0 ? "portal" : "email-link";
            if (history.importAnswered(
                    s.caseId(), SurveyKind.CSAT, SCORES[random.nextInt(SCORES.length)], channel, sent, at)) {
                answered++;
            }
        }
        return answered;
    }
}
