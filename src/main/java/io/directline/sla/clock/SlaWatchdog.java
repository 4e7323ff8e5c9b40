package io.directline.sla.clock;

import io.directline.sla.OwnerNotifier;
import io.directline.sla.PromiseBroken;
import io.directline.sla.SlaBreached;
import io.directline.sla.notice.OwnerNoticeRepository;
import io.directline.sla.promise.PromiseRepository;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code directline.sla.watchdog-interval}, handles what has come due: SLA clocks that ran past their
 * target ({@link SlaBreached}), promises nobody kept ({@link PromiseBroken}) — each handed by {@link LateCases}
 * to whichever module acts on a late case — and owner notices whose quiet hours are over.
 *
 * <p>Every deadline is a row with an indexed due time, read a batch at a time, so a sweep costs what is due,
 * not what is open. Every node runs the watchdog; each row is claimed by locking it with
 * {@code FOR UPDATE SKIP LOCKED} in the transaction that handles it, so nodes pass over each other's rows
 * instead of waiting, exactly one node handles each, and the row's change, its event and what the
 * {@link io.directline.sla.LateCaseHandler handlers} do commit together.
 */
@Component
public class SlaWatchdog implements SchedulingConfigurer {

    static final int BATCH_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(SlaWatchdog.class);

    private final StoredClockRepository clocks;
    private final PromiseRepository promises;
    private final OwnerNoticeRepository notices;
    private final ClockTransitions caseClocks;
    private final LateCases lateCases;
    private final OwnerNotifier ownerNotices;
    private final TransactionTemplate transactions;
    private final SlaProperties properties;
    private final Clock clock;

    SlaWatchdog(
            StoredClockRepository clocks,
            PromiseRepository promises,
            OwnerNoticeRepository notices,
            ClockTransitions caseClocks,
            LateCases lateCases,
            OwnerNotifier ownerNotices,
            TransactionTemplate transactions,
            SlaProperties properties,
            Clock clock) {
        this.clocks = clocks;
        this.promises = promises;
        this.notices = notices;
        this.caseClocks = caseClocks;
        this.lateCases = lateCases;
        this.ownerNotices = ownerNotices;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweepSafely, properties.watchdogInterval());
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("SLA watchdog failed; it runs again in {}", properties.watchdogInterval(), e);
        }
    }

    /** One sweep: breaches, broken promises, then notices; returns how many rows this node handled. */
    public int sweep() {
        return breachDue() + breakDue() + sendDueNotices();
    }

    /** Records the breach of every clock due now and hands its case on; returns how many this node handled. */
    int breachDue() {
        return handleDue(
                page -> clocks.findDue(clock.instant(), page),
                seen -> !clocks.claim(seen.getId(), clock.instant()).isEmpty(),
                seen -> {
                    var stored = clocks.findById(seen.getId()).orElseThrow();
                    var now = clock.instant();
                    stored.store(caseClocks.compute(stored).breach(now));
                    lateCases.clockBreached(stored, now);
                    caseClocks.reschedule(stored.getCaseId());
                    return true;
                });
    }

    /** Breaks every open promise due now and hands its case on; returns how many this node broke. */
    public int breakDue() {
        return handleDue(
                page -> promises.findDue(clock.instant(), page),
                seen -> !promises.claim(seen.getId(), clock.instant()).isEmpty(),
                seen -> {
                    var promise = promises.findById(seen.getId()).orElseThrow();
                    promise.breakAt(clock.instant());
                    lateCases.promiseBroken(promise);
                    return true;
                });
    }

    /** Sends the notices held back by quiet hours that are over now; returns how many this node handled. */
    int sendDueNotices() {
        return handleDue(
                page -> notices.findDue(clock.instant(), page),
                seen -> !notices.claim(seen.getId(), clock.instant()).isEmpty(),
                seen -> {
                    ownerNotices.send(notices.findById(seen.getId()).orElseThrow(), clock.instant());
                    return true;
                });
    }

    /**
     * Reads due rows a batch at a time and handles each in its own transaction, after claiming it. A row
     * another node claimed, or whose handling failed (it is retried on the next sweep), is not counted; a
     * batch in which this node handled nothing ends the sweep.
     */
    private <T> int handleDue(Function<Pageable, List<T>> due, Predicate<T> claim, Function<T, Boolean> handle) {
        int handled = 0;
        while (true) {
            var batch = due.apply(PageRequest.of(0, BATCH_SIZE));
            int taken = 0;
            for (var row : batch) {
                try {
                    Boolean done = transactions.execute(tx -> claim.test(row) && handle.apply(row));
                    if (Boolean.TRUE.equals(done)) {
                        taken++;
                    }
                } catch (RuntimeException e) {
                    log.info("SLA watchdog could not handle {} now; it tries again next sweep: {}", row, e.toString());
                }
            }
            handled += taken;
            if (batch.size() < BATCH_SIZE || taken == 0) {
                return handled;
            }
        }
    }
}
