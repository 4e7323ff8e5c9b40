package io.directline.experience.recovery;

import io.directline.experience.EntryRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A bad experience starts a recovery; a good one may end it as recovered. Once a day, recoveries past their window
 * lapse.
 */
@Component
class RecoveryListeners {

    private final Recoveries recoveries;

    RecoveryListeners(Recoveries recoveries) {
        this.recoveries = recoveries;
    }

    @ApplicationModuleListener
    void on(EntryRecorded entry) {
        if (entry.negative()) {
            recoveries.start(entry);
        } else {
            recoveries.recoverIfBack(entry);
        }
    }

    @Scheduled(cron = "${directline.experience.recovery-lapse-cron:0 25 3 * * *}")
    void daily() {
        recoveries.lapse();
    }
}
