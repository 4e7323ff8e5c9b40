package io.directline.channel.outbox;

import io.directline.cases.Attachments;
import io.directline.cases.CaseManagement;
import io.directline.cases.DeliveryState;
import io.directline.cases.SupportCase;
import io.directline.channel.intake.PlainText;
import io.directline.channel.intake.ThreadKeys;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.OwnerCaseLinks;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Delivers due outbox rows. Every node runs it; per channel it claims a batch of due rows in one transaction
 * ({@code FOR UPDATE SKIP LOCKED}, then each row's version moves on and its lease starts), answers and sign-in codes
 * before notices, and hands them to a pool of sender threads, within each channel's rate
 * ({@link ChannelRates}); only nodes with a sender for the row's channel look at it. The provider is called outside
 * any transaction; a node that dies mid-send lets its lease run out and another node retries with the same
 * idempotency key.
 *
 * <p>"Sent" and "recorded" are kept apart: once the provider took an answer, the row is never rescheduled.
 * Its recording runs in fresh transactions with retries, falls back to marking the row sent without the
 * provider's answer, and, while the database refuses even that, is retried on every poll of this node (the
 * row is skipped meanwhile). A node whose lease ran out before it sent leaves the row to whoever holds it.
 */
@Component
class OutboxDispatcher implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** Rows one sender thread sends in one go (one SMTP connection) and records in one transaction. */
    static final int MAX_RUN = 100;

    private final OutboundMessageRepository outbox;
    private final Map<Channel, OutboundSender> senders = new EnumMap<>(Channel.class);
    private final CaseManagement cases;
    private final Attachments attachments;
    private final CustomerManagement customers;
    private final ThreadKeys threadKeys;
    private final OwnerCaseLinks links;
    private final ChannelsProperties properties;
    private final TransactionTemplate transactions;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final RetryTemplate recording;
    private final JdbcTemplate jdbc;
    /** The due rows of a status and channel, first the answers and then by age, read in index order. */
    private final String dueRowsQuery;

    private final Map<Channel, Bucket> buckets;
    private final ExecutorService pool;
    /** Rows claimed by this node and not yet handed to the provider: at most two batches. */
    private final Semaphore inFlight;

    /** Rows this node's sender threads are sending or recording now. */
    private final java.util.Set<Long> busy = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;
    /** Sent answers whose recording the database refused so far, by outbox row id. */
    private final Map<Long, SentAnswer> unrecorded = new ConcurrentHashMap<>();

    OutboxDispatcher(
            OutboundMessageRepository outbox,
            List<OutboundSender> senders,
            CaseManagement cases,
            Attachments attachments,
            CustomerManagement customers,
            ThreadKeys threadKeys,
            OwnerCaseLinks links,
            ChannelsProperties properties,
            ChannelRates rates,
            DataSource dataSource,
            TransactionTemplate transactions,
            MeterRegistry metrics,
            Clock clock) {
        this.outbox = outbox;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.cases = cases;
        this.attachments = attachments;
        this.customers = customers;
        this.threadKeys = threadKeys;
        this.links = links;
        this.properties = properties;
        this.jdbc = new JdbcTemplate(dataSource);
        // H2 picks outbound_message_due_idx (status, next_attempt_at) by its cost estimate, then reads and sorts every
        // due row for each batch (a 400,000-notice drain was quadratic); named, the claim index is read in order and
        // stops at the batch. It orders by its leading columns too: H2 reads an index in order only then.
        // Only PostgreSQL locks what it reads: nodes pass over each other's rows. An H2 file is open in one process,
        // whose one dispatcher thread claims, and H2 writes every row it locks (a third write of each notice); the
        // claim's update from the version read keeps a row from being claimed twice all the same.
        boolean postgres = NoticeBook.postgres(dataSource);
        this.dueRowsQuery = "select id, version from outbound_message"
                + (postgres ? "" : " use index (outbound_message_claim_idx)")
                + " where status = ? and channel = ? and next_attempt_at <= ?"
                + " order by status, channel, priority, next_attempt_at fetch first ? rows only"
                + (postgres ? " for update skip locked" : "");
        this.buckets = rates.buckets();
        this.inFlight = new Semaphore(2 * properties.batchSize());
        var threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(properties.senders(), task -> {
            var thread = new Thread(task, "outbox-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
        this.recording = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(4)
                .delay(Duration.ofMillis(100))
                .multiplier(2)
                .jitter(Duration.ofMillis(50))
                .maxDelay(Duration.ofSeconds(2))
                .build());
        metrics.gauge("directline.outbox.unrecorded", unrecorded, Map::size);
    }

    /** A row this node claimed: the version its claim gave the row, and when the claim runs out. */
    record Claim(OutboundMessage row, long version, Instant leaseEnd) {}

    /** An answer the provider took, with what it said and when. */
    private record SentAnswer(OutboundMessage row, SendResult result, Instant sentAt) {}

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(this::dispatchDueSafely, properties.pollInterval());
        }
    }

    private void dispatchDueSafely() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Outbox dispatch failed; it runs again in {}", properties.pollInterval(), e);
        }
    }

    /**
     * Sends what is due now and returns how many rows this node took: per channel, a batch of due rows is claimed
     * in one statement (answers before notices, then oldest first) as far as the channel's rate allows, and handed
     * to the sender threads; it claims again while rows keep coming and returns once everything it took was handed
     * to the provider (or failed).
     */
    int dispatchDue() {
        recordUnrecorded();
        var mine = new Phaser(1);
        int taken = 0;
        var open = new ArrayList<>(senders.keySet());
        long lastRecord = System.nanoTime();
        try {
            while (!open.isEmpty() && !stopping) {
                boolean claimedAny = false;
                for (var it = open.iterator(); it.hasNext(); ) {
                    var channel = it.next();
                    var bucket = buckets.get(channel);
                    int want = properties.batchSize();
                    if (bucket != null) {
                        want = (int) bucket.tryConsumeAsMuchAsPossible(want);
                        if (want == 0) {
                            continue;
                        }
                    }
                    inFlight.acquire(want);
                    List<Claim> claims;
                    try {
                        claims = claim(channel, want);
                    } catch (RuntimeException e) {
                        inFlight.release(want);
                        throw e;
                    }
                    int unused = want - claims.size();
                    inFlight.release(unused);
                    if (bucket != null && unused > 0) {
                        bucket.addTokens(unused);
                    }
                    // the sender threads share the batch in runs: a run goes over one connection and is recorded in
                    // one transaction; answers come first in the batch, so they are in the first run
                    int run = Math.max(
                            1, Math.min(MAX_RUN, (claims.size() + properties.senders() - 1) / properties.senders()));
                    for (int from = 0; from < claims.size(); from += run) {
                        var part = claims.subList(from, Math.min(claims.size(), from + run));
                        mine.register();
                        part.forEach(claim -> busy.add(claim.row().getId()));
                        pool.execute(() -> {
                            try {
                                deliverAll(part);
                            } catch (RuntimeException e) {
                                log.warn(
                                        "Outbox rows {} could not be delivered now",
                                        part.stream().map(c -> c.row().getId()).toList(),
                                        e);
                            } finally {
                                part.forEach(claim -> busy.remove(claim.row().getId()));
                                inFlight.release(part.size());
                                mine.arriveAndDeregister();
                            }
                        });
                    }
                    taken += claims.size();
                    claimedAny |= !claims.isEmpty();
                    if (claims.size() < want) {
                        it.remove();
                    }
                }
                if (!claimedAny && !open.isEmpty()) {
                    // only rate limits hold rows back: wait for the buckets to refill
                    Thread.sleep(10);
                }
                if (System.nanoTime() - lastRecord > 1_000_000_000L) {
                    recordUnrecorded();
                    lastRecord = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mine.arriveAndAwaitAdvance();
        }
        return taken;
    }

    /** Claims a batch of the rows due now on every channel (each lease starts at the claim); for tests. */
    Iterable<Claim> claimDue() {
        var claims = new ArrayList<Claim>();
        for (var channel : senders.keySet()) {
            claims.addAll(claim(channel, properties.batchSize()));
        }
        return claims;
    }

    /**
     * Claims up to {@code limit} due rows of a channel in one transaction: rows whose lease ran out first, then
     * queued rows by priority and age; {@code FOR UPDATE SKIP LOCKED} lets other nodes pass over them meanwhile,
     * and each claimed row's version moves on, so the node that held it before cannot send it any more.
     */
    List<Claim> claim(Channel channel, int limit) {
        var now = clock.instant();
        var leaseEnd = now.plus(properties.lease());
        var lease = java.time.OffsetDateTime.ofInstant(leaseEnd, java.time.ZoneOffset.UTC);
        var claimed = transactions.execute(tx -> {
            var found = new ArrayList<long[]>(dueRows(OutboxStatus.SENDING, channel, now, limit));
            if (found.size() < limit) {
                found.addAll(dueRows(OutboxStatus.QUEUED, channel, now, limit - found.size()));
            }
            if (found.isEmpty()) {
                return Map.<Long, Long>of();
            }
            // each row only from the version seen: a row another node claimed meanwhile is left to it
            var counts = jdbc.batchUpdate(
                    "update outbound_message set status = 'SENDING', next_attempt_at = ?, attempts = attempts + 1,"
                            + " version = version + 1 where id = ? and version = ?",
                    found,
                    found.size(),
                    (ps, row) -> {
                        ps.setObject(1, lease);
                        ps.setLong(2, row[0]);
                        ps.setLong(3, row[1]);
                    });
            var versions = new java.util.LinkedHashMap<Long, Long>();
            int i = 0;
            for (var batch : counts) {
                for (int count : batch) {
                    var row = found.get(i++);
                    if (count == 1) {
                        versions.put(row[0], row[1] + 1);
                    }
                }
            }
            return versions;
        });
        if (claimed == null || claimed.isEmpty()) {
            return List.of();
        }
        var order = new java.util.HashMap<Long, Integer>();
        for (var id : claimed.keySet()) {
            order.put(id, order.size());
        }
        return outbox.findAllById(claimed.keySet()).stream()
                .sorted(java.util.Comparator.comparing(row -> order.get(row.getId())))
                // a row this node is still sending or recording (its lease ran out meanwhile) is not sent again,
                // nor one sent whose record the database refused: that is recorded on a later poll
                .filter(row -> !busy.contains(row.getId()) && !unrecorded.containsKey(row.getId()))
                .map(row -> new Claim(row, claimed.get(row.getId()), leaseEnd))
                .toList();
    }

    private List<long[]> dueRows(OutboxStatus status, Channel channel, Instant now, int limit) {
        // rows this node is still sending or recording, or could not record yet, are not claimed again: they are
        // left out here rather than in the query (H2 tests each row against a NOT IN list one value at a time), and
        // as many more rows are locked so the batch is full all the same
        var mine = new java.util.HashSet<Long>(busy);
        mine.addAll(unrecorded.keySet());
        var rows = jdbc.query(
                dueRowsQuery,
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                status.name(),
                channel.name(),
                java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC),
                limit + Math.min(mine.size(), limit));
        return rows.stream().filter(row -> !mine.contains(row[0])).limit(limit).toList();
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    /** Sends a claimed row, unless half its lease ran out already (another node may have it soon). */
    void deliver(Claim claim) {
        deliverAll(List.of(claim));
    }

    /**
     * Sends claimed rows of one channel and records those sent. A channel that sends in one go ({@link
     * OutboundSender#sendsInOneGo}: one SMTP connection) gets every row still held at once; the others get each row
     * once its turn comes, if it is still held then. Sent rows are recorded together, at the latest a quarter of the
     * lease after the first of them went out, so a row is on record long before another node could take it again.
     */
    void deliverAll(List<Claim> claims) {
        var sender = senders.get(claims.get(0).row().getChannel());
        var pending = new ArrayList<SentAnswer>(claims.size());
        if (sender.sendsInOneGo() && claims.size() > 1) {
            var held = new ArrayList<Claim>(claims.size());
            var deliveries = new ArrayList<OutboundDelivery>(claims.size());
            for (var claim : claims) {
                var delivery = stillHeld(claim) ? deliveryOf(claim) : null;
                if (delivery != null) {
                    held.add(claim);
                    deliveries.add(delivery);
                }
            }
            var outcomes = deliveries.isEmpty() ? List.<OutboundSender.SendOutcome>of() : sender.sendAll(deliveries);
            for (int i = 0; i < held.size(); i++) {
                outcome(held.get(i), outcomes.get(i), pending);
            }
            recordAll(pending);
            return;
        }
        long recordBy = Long.MAX_VALUE;
        for (var claim : claims) {
            var delivery = stillHeld(claim) ? deliveryOf(claim) : null;
            if (delivery == null) {
                continue;
            }
            outcome(claim, OutboundSender.SendOutcome.of(() -> sender.send(delivery)), pending);
            if (!pending.isEmpty() && recordBy == Long.MAX_VALUE) {
                recordBy = System.nanoTime() + properties.lease().toNanos() / 4;
            }
            if (System.nanoTime() >= recordBy) {
                recordAll(pending);
                pending.clear();
                recordBy = Long.MAX_VALUE;
            }
        }
        recordAll(pending);
    }

    /** The row as the provider gets it; a row that cannot be made into a message fails (and is retried later). */
    private OutboundDelivery deliveryOf(Claim claim) {
        try {
            return delivery(claim.row());
        } catch (RuntimeException e) {
            failed(claim, e);
            return null;
        }
    }

    private void outcome(Claim claim, OutboundSender.SendOutcome outcome, List<SentAnswer> sent) {
        if (outcome.failure() != null) {
            failed(claim, outcome.failure());
            return;
        }
        metrics.counter(
                        "directline.outbox.sent",
                        "channel",
                        claim.row().getChannel().name())
                .increment();
        sent.add(new SentAnswer(claim.row(), outcome.result(), clock.instant()));
    }

    /** Whether this node may still send the claimed row: half its lease is left and no other node took it since. */
    private boolean stillHeld(Claim claim) {
        var row = claim.row();
        // a send begins only while half its lease is left, so it ends long before another node may claim the row
        var latestStart = claim.leaseEnd().minus(properties.lease().dividedBy(2));
        if (clock.instant().isAfter(latestStart) || !outbox.existsByIdAndVersion(row.getId(), claim.version())) {
            metrics.counter(
                            "directline.outbox.lease.lost",
                            "channel",
                            row.getChannel().name())
                    .increment();
            log.warn(
                    "Outbox row {} was not sent by this node: its lease ran out before the send began;"
                            + " the node that holds it now sends it",
                    row.getId());
            return false;
        }
        return true;
    }

    /**
     * Records sent rows in one transaction (one commit for a run of notices, not one each); when that fails, one by
     * one as {@link #record} does, which never reschedules a sent row.
     */
    private void recordAll(List<SentAnswer> sent) {
        if (sent.isEmpty()) {
            return;
        }
        if (sent.size() > 1) {
            try {
                transactions.executeWithoutResult(tx -> {
                    var counts = jdbc.batchUpdate(
                            "update outbound_message set status = 'SENT', provider_id = ?, sent_at = ?,"
                                    + " last_error = null, next_attempt_at = null, version = version + 1"
                                    + " where id = ? and status <> 'SENT'",
                            sent,
                            sent.size(),
                            (ps, s) -> {
                                ps.setString(1, s.result().providerId());
                                ps.setObject(
                                        2, java.time.OffsetDateTime.ofInstant(s.sentAt(), java.time.ZoneOffset.UTC));
                                ps.setLong(3, s.row().getId());
                            });
                    int i = 0;
                    for (var batch : counts) {
                        for (int count : batch) {
                            var s = sent.get(i++);
                            if (count != 0) {
                                recordDelivery(s.row(), DeliveryState.SENT, null);
                            }
                        }
                    }
                });
                sent.forEach(this::rememberThread);
                return;
            } catch (RuntimeException e) {
                log.warn("A run of {} sent outbox rows could not be recorded at once; one by one now", sent.size(), e);
            }
        }
        for (var s : sent) {
            if (!record(s)) {
                unrecorded.put(s.row().getId(), s);
            }
        }
    }

    /** Tries again to record what was sent while the database refused it. */
    private void recordUnrecorded() {
        for (var sent : List.copyOf(unrecorded.values())) {
            if (record(sent)) {
                unrecorded.remove(sent.row().getId());
                log.info("Outbox row {} is recorded as sent at last", sent.row().getId());
            }
        }
    }

    /**
     * Records a sent answer; true once the row is marked sent. Never reschedules it: an answer the
     * provider took must not go out again.
     */
    private boolean record(SentAnswer sent) {
        var row = sent.row();
        try {
            recording.execute(() -> transactions.execute(tx -> {
                var fresh = outbox.findById(row.getId()).orElseThrow();
                if (fresh.getStatus() != OutboxStatus.SENT) {
                    fresh.sent(sent.result().providerId(), sent.sentAt());
                    recordDelivery(row, DeliveryState.SENT, null);
                }
                return null;
            }));
        } catch (RetryException e) {
            var reason = reason(e.getLastException());
            log.warn(
                    "Outbox row {} went out on {} but its record failed ({}); marking it sent without the"
                            + " provider's answer",
                    row.getId(),
                    row.getChannel(),
                    reason);
            try {
                var note = abbreviate(
                        "Sent at " + sent.sentAt() + "; the provider's answer could not be stored: " + reason);
                recording.execute(() -> transactions.execute(tx -> outbox.markSent(row.getId(), sent.sentAt(), note)));
            } catch (RetryException again) {
                metrics.counter("directline.outbox.unrecorded.failures").increment();
                log.error(
                        "Outbox row {} went out on {} but the database refuses to record it ({}); this node tries"
                                + " again on every poll and never sends it again",
                        row.getId(),
                        row.getChannel(),
                        reason(again.getLastException()));
                return false;
            }
            try {
                transactions.executeWithoutResult(tx -> recordDelivery(row, DeliveryState.SENT, null));
            } catch (RuntimeException ignored) {
                log.warn("The case of outbox row {} does not show it as sent yet: {}", row.getId(), reason(ignored));
            }
        }
        rememberThread(sent);
        return true;
    }

    /** An answer's thread key, by which the owner's reply finds its case. */
    private void rememberThread(SentAnswer sent) {
        var row = sent.row();
        if (!row.isAnswer()) {
            return;
        }
        try {
            threadKeys.remember(row.getChannel(), sent.result().threadKey(), row.getCaseId());
        } catch (RuntimeException e) {
            log.warn("The thread key of outbox row {} was not remembered: {}", row.getId(), reason(e));
        }
    }

    /** A send that failed: retried later or given up, unless another node holds the row by now. */
    private void failed(Claim claim, Exception e) {
        var row = claim.row();
        boolean permanent = e instanceof DeliveryFailure f && f.isPermanent();
        String reason = reason(e);
        boolean giveUp = permanent || row.getAttempts() >= properties.maxAttempts();
        transactions.executeWithoutResult(tx -> {
            var fresh = outbox.findById(row.getId()).orElseThrow();
            if (fresh.getVersion() != claim.version()) {
                return;
            }
            if (giveUp) {
                fresh.failed(reason);
                recordDelivery(row, DeliveryState.FAILED, reason);
            } else {
                var next = clock.instant().plus(properties.backoff(row.getAttempts()));
                fresh.retryAt(next, reason);
                recordDelivery(
                        row,
                        DeliveryState.QUEUED,
                        "Attempt " + row.getAttempts() + " failed (" + reason + "); next attempt at " + next + ".");
            }
        });
        metrics.counter(
                        "directline.outbox.failed",
                        "channel",
                        row.getChannel().name(),
                        "final",
                        Boolean.toString(giveUp))
                .increment();
        log.info(
                "Delivery of outbox row {} on {} failed (attempt {}, final: {}): {}",
                row.getId(),
                row.getChannel(),
                row.getAttempts(),
                giveUp,
                reason);
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Shows the state on the case's answer; a sign-in code has no case to show it on. */
    private void recordDelivery(OutboundMessage row, DeliveryState state, String detail) {
        if (row.isAnswer()) {
            cases.recordDelivery(row.getMessageId(), state, detail);
        }
    }

    /**
     * A notice: the full text by e-mail; on SMS and social DMs the short text ended by a link that signs the owner
     * in (and opens the notice's case, when it has one). The link is made at the first attempt and kept on the row,
     * so every attempt carries the same one.
     */
    private OutboundDelivery noticeDelivery(OutboundMessage row) {
        var owner = customers.get(row.getCustomerId());
        String text = row.getBody();
        String link = null;
        if (row.getShortText() != null) {
            link = row.getPortalLink() != null ? row.getPortalLink() : noticeLink(row);
            text = row.getShortText() + "\n" + link;
        }
        return new OutboundDelivery(
                row.getId(),
                row.getCaseId() == null ? 0 : row.getCaseId(),
                null,
                row.getSubject(),
                row.getChannel(),
                row.getRecipient(),
                owner.getName(),
                row.getAuthor(),
                AnswerFitter.html(text),
                text,
                List.of(),
                false,
                row.getIdempotencyKey(),
                link,
                List.of());
    }

    private String noticeLink(OutboundMessage row) {
        var link = row.getCaseId() != null
                ? links.caseLink(row.getCustomerId(), row.getCaseId(), row.getChannel(), row.getRecipient())
                : properties.portalUrl().replaceAll("/+$", "") + "/portal";
        transactions.executeWithoutResult(tx -> outbox.linkToPortal(row.getId(), link));
        return link;
    }

    private OutboundDelivery delivery(OutboundMessage row) {
        if (row.isNotice()) {
            return noticeDelivery(row);
        }
        if (!row.isAnswer()) {
            var owner = customers.get(row.getCustomerId());
            return new OutboundDelivery(
                    row.getId(),
                    0,
                    null,
                    row.getSubject(),
                    row.getChannel(),
                    row.getRecipient(),
                    owner.getName(),
                    row.getAuthor(),
                    AnswerFitter.html(row.getBody()),
                    row.getBody(),
                    List.of(),
                    false,
                    row.getIdempotencyKey(),
                    null,
                    List.of());
        }
        SupportCase supportCase = cases.get(row.getCaseId());
        var customer = customers.get(row.getCustomerId());
        var files = attachments.ofMessage(row.getMessageId());
        var sender = senders.get(row.getChannel());
        boolean carried = sender != null && sender.carriesFiles();
        var html = row.getBody();
        if (!files.isEmpty() && !carried) {
            var link = properties.portalUrl().replaceAll("/+$", "") + "/portal/cases/" + row.getCaseId();
            var note = files.size() == 1 ? "A file for you: " : files.size() + " files for you: ";
            // first, so a channel that shortens the text (SMS, X) keeps the link
            html = HtmlUtils.htmlEscape(note + link) + "<br><br>" + html;
        }
        return new OutboundDelivery(
                row.getId(),
                row.getCaseId(),
                supportCase.reference(),
                supportCase.getSubject(),
                row.getChannel(),
                row.getRecipient(),
                customer.getName(),
                row.getAuthor(),
                html,
                PlainText.of(html),
                threadKeys.of(row.getCaseId(), row.getChannel()),
                cases.answersPublicPost(row.getMessageId(), row.getChannel()),
                row.getIdempotencyKey(),
                row.getPortalLink(),
                carried ? files : List.of());
    }
}
