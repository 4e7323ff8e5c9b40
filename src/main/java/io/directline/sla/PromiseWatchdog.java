package io.directline.sla;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Breaks the promises whose due time passed while they were open. Every node runs it; a promise is
 * claimed by an optimistic update of its version, so exactly one node breaks it and publishes
 * {@link PromiseBroken}.
 */
@Component
class PromiseWatchdog implements SchedulingConfigurer {

    static final int BATCH_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(PromiseWatchdog.class);

    private final PromiseRepository promises;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SlaProperties properties;
    private final Clock clock;

    PromiseWatchdog(
            PromiseRepository promises,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            SlaProperties properties,
            Clock clock) {
        this.promises = promises;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::breakDueSafely, properties.watchdogInterval());
    }

    private void breakDueSafely() {
        try {
            breakDue();
        } catch (RuntimeException e) {
            log.warn("Promise watchdog failed; it runs again in {}", properties.watchdogInterval(), e);
        }
    }

    /** Breaks what is due now, a batch at a time; returns how many promises this node broke. */
    int breakDue() {
        int broken = 0;
        while (true) {
            var due = promises.findDue(clock.instant(), PageRequest.of(0, BATCH_SIZE));
            int taken = 0;
            for (var promise : due) {
                if (breakIfStillOpen(promise)) {
                    taken++;
                }
            }
            broken += taken;
            if (due.size() < BATCH_SIZE || taken == 0) {
                return broken;
            }
        }
    }

    private boolean breakIfStillOpen(Promise seen) {
        Boolean brokenHere = transactions.execute(tx -> {
            if (promises.claim(seen.getId(), seen.getVersion()) != 1) {
                return false;
            }
            var promise = promises.findById(seen.getId()).orElseThrow();
            var now = clock.instant();
            promise.breakAt(now);
            events.publishEvent(new PromiseBroken(
                    promise.getCaseId(),
                    promise.getId(),
                    promise.getResponsible(),
                    promise.getDueAt(),
                    promise.getBrokenAt()));
            return true;
        });
        return Boolean.TRUE.equals(brokenHere);
    }
}
