package io.directline.experience.ledger;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, recomputes the owners whose entries left the rolling window since their standing was computed (an
 * owner at risk for a bad experience of thirteen months ago is no longer), a batch per transaction.
 */
@Component
class WindowSweep {

    static final int BATCH = 200;

    private final Ledger ledger;

    WindowSweep(Ledger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(cron = "${directline.experience.sweep-cron:0 15 3 * * *}")
    void daily() {
        sweep();
    }

    /** Recomputes every owner due; returns how many. */
    int sweep() {
        int done = 0;
        while (true) {
            var due = ledger.ownersWithEntriesLeavingTheWindow(BATCH);
            if (due.isEmpty()) {
                return done;
            }
            due.forEach(ledger::recompute);
            done += due.size();
        }
    }
}
