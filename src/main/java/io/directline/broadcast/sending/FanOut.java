package io.directline.broadcast.sending;

import io.directline.channel.Notice;
import io.directline.channel.Notices;
import io.directline.customer.CustomerManagement;
import io.directline.journey.Milestone;
import io.directline.journey.OrderSegments;
import io.directline.journey.SegmentMember;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fan-out of approved broadcasts, off the request thread: page after page of the segment's owners by ascending
 * id, each page one transaction that locks the broadcast, queues one notice per owner (keyed by broadcast and owner),
 * tells the journey which orders were covered and moves the cursor to the page's last owner. A page that fails leaves
 * nothing behind, so the fan-out resumes — on this node's next sweep, or after a restart — from the cursor, with no
 * owner told twice and none skipped; a cancelled broadcast stops at its next page.
 */
@Component
class FanOut implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final BroadcastRepository broadcasts;
    private final OrderSegments segments;
    private final Notices notices;
    private final CustomerManagement customers;
    private final BroadcastProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        var t = new Thread(r, "broadcast-fan-out");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    FanOut(
            BroadcastRepository broadcasts,
            OrderSegments segments,
            Notices notices,
            CustomerManagement customers,
            BroadcastProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.broadcasts = broadcasts;
        this.segments = segments;
        this.notices = notices;
        this.customers = customers;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Starts the broadcast's fan-out on a worker, unless this node is already running it. */
    void start(long broadcastId) {
        if (stopping || !running.add(broadcastId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    while (!stopping && nextPage(broadcastId)) {
                        // one page per transaction until the segment is done or the broadcast cancelled
                    }
                } catch (RuntimeException e) {
                    log.warn(
                            "Fan-out of broadcast {} stopped; it resumes from its cursor: {}",
                            broadcastId,
                            e.toString());
                } finally {
                    running.remove(broadcastId);
                }
            });
        } catch (RuntimeException e) {
            running.remove(broadcastId);
            throw e;
        }
    }

    /** After a restart, and every {@code resume-every}, fan-outs that stopped half-way go on from their cursor. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            initialDelayString = "${directline.broadcast.resume-every:30s}",
            fixedDelayString = "${directline.broadcast.resume-every:30s}")
    void resumeStopped() {
        for (long id : broadcasts.idsWithStatus(BroadcastStatus.SENDING)) {
            start(id);
        }
    }

    /**
     * Queues the next page of the broadcast's notices in one transaction (joining the caller's, if any); returns
     * whether more owners may follow.
     */
    boolean nextPage(long broadcastId) {
        return Boolean.TRUE.equals(transactions.execute(status -> page(broadcastId)));
    }

    private boolean page(long broadcastId) {
        var broadcast = broadcasts.lockById(broadcastId).orElse(null);
        if (broadcast == null || broadcast.getStatus() != BroadcastStatus.SENDING) {
            return false;
        }
        var members = segments.page(broadcast.segment(), broadcast.getCursorCustomerId(), properties.pageSize());
        var now = clock.instant();
        if (members.isEmpty()) {
            broadcast.allQueued(now);
            return false;
        }
        var names = customers.namesOf(
                members.stream().map(SegmentMember::customerId).toList());
        var template = broadcast.template();
        var source = broadcast.source();
        var page = new ArrayList<Notice>(members.size());
        var covered = new TreeMap<Milestone, List<String>>();
        for (var member : members) {
            var text = template.render(Broadcasts.personal(member, names.get(member.customerId())));
            page.add(new Notice(
                    member.customerId(),
                    source,
                    text.subject(),
                    text.fullText(),
                    text.shortText(),
                    broadcast.getCreatedByName(),
                    null,
                    source + ":" + member.customerId()));
            if (member.orderRef() != null && member.milestone() != null) {
                covered.computeIfAbsent(member.milestone(), m -> new ArrayList<>())
                        .add(member.orderRef());
            }
        }
        int queued = notices.queueAll(page);
        covered.forEach((milestone, refs) -> segments.markTold(refs, milestone, source, now));
        // a page may hold fewer owners than asked for while more follow (an owner's several orders count once):
        // only an empty page ends the fan-out
        broadcast.queuedUpTo(members.get(members.size() - 1).customerId(), queued);
        return true;
    }

    /** Whether this node is running the broadcast's fan-out now. */
    boolean isRunning(long broadcastId) {
        return running.contains(broadcastId);
    }

    @Override
    public void destroy() {
        stopping = true;
        executor.shutdownNow();
    }
}
