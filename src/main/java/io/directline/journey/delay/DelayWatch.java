package io.directline.journey.delay;

import io.directline.journey.OrderEstimateChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Hears every moved estimate, and every {@code directline.journey.delay-watch-interval} sends the delay notices that
 * have come due: read a batch at a time by their indexed due time, each claimed ({@code FOR UPDATE SKIP LOCKED}) and
 * sent in a transaction of its own, so several nodes share the work and each notice goes once.
 */
@Component
public class DelayWatch implements SchedulingConfigurer {

    static final int BATCH_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(DelayWatch.class);

    private final DelayNotices notices;
    private final DelayNoticeProperties properties;

    DelayWatch(DelayNotices notices, DelayNoticeProperties properties) {
        this.notices = notices;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(OrderEstimateChanged change) {
        notices.estimateChanged(change);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweepSafely, properties.delayWatchInterval());
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Delay watch failed; it runs again in {}", properties.delayWatchInterval(), e);
        }
    }

    /** Sends (or postpones to the owner's notice gap) every held notice due now; returns how many this node handled. */
    public int sweep() {
        int handled = 0;
        while (true) {
            var batch = notices.due(BATCH_SIZE);
            int taken = 0;
            for (var id : batch) {
                try {
                    if (notices.sendIfDue(id)) {
                        taken++;
                    }
                } catch (RuntimeException e) {
                    log.info(
                            "Delay notice {} could not be sent now; it is tried again next sweep: {}",
                            id,
                            e.toString());
                }
            }
            handled += taken;
            if (batch.size() < BATCH_SIZE || taken == 0) {
                return handled;
            }
        }
    }
}
