package io.directline.channel;

import io.directline.cases.CaseManagement;
import io.directline.cases.DeliveryState;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox rows. Every node runs it; a row is claimed by an optimistic update of its
 * version, so exactly one node sends it, and only nodes with a sender for the row's channel look at it.
 * The provider is called outside any transaction; a node that dies mid-send lets its lease run out and
 * another node retries with the same idempotency key.
 */
@Component
class OutboxDispatcher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboundMessageRepository outbox;
    private final Map<Channel, OutboundSender> senders = new EnumMap<>(Channel.class);
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final ThreadKeys threadKeys;
    private final ChannelsProperties properties;
    private final TransactionTemplate transactions;
    private final MeterRegistry metrics;
    private final Clock clock;

    OutboxDispatcher(
            OutboundMessageRepository outbox,
            List<OutboundSender> senders,
            CaseManagement cases,
            CustomerManagement customers,
            ThreadKeys threadKeys,
            ChannelsProperties properties,
            TransactionTemplate transactions,
            MeterRegistry metrics,
            Clock clock) {
        this.outbox = outbox;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.cases = cases;
        this.customers = customers;
        this.threadKeys = threadKeys;
        this.properties = properties;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

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

    /** Sends what is due now, a batch at a time; returns how many rows this node took. */
    int dispatchDue() {
        var due = outbox.findDue(clock.instant(), senders.keySet(), PageRequest.of(0, properties.batchSize()));
        int taken = 0;
        for (var row : due) {
            var leaseEnd = clock.instant().plus(properties.lease());
            Integer claimed = transactions.execute(tx -> outbox.claim(row.getId(), row.getVersion(), leaseEnd));
            if (claimed != null && claimed == 1) {
                taken++;
                deliver(outbox.findById(row.getId()).orElseThrow());
            }
        }
        return taken;
    }

    private void deliver(OutboundMessage row) {
        var sender = senders.get(row.getChannel());
        try {
            var result = sender.send(delivery(row));
            transactions.executeWithoutResult(tx -> {
                var fresh = outbox.findById(row.getId()).orElseThrow();
                fresh.sent(result.providerId(), clock.instant());
                threadKeys.remember(row.getChannel(), result.threadKey(), row.getCaseId());
                cases.recordDelivery(row.getMessageId(), DeliveryState.SENT, null);
            });
            metrics.counter(
                            "directline.outbox.sent",
                            "channel",
                            row.getChannel().name())
                    .increment();
        } catch (DeliveryFailure | RuntimeException e) {
            boolean permanent = e instanceof DeliveryFailure f && f.isPermanent();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean giveUp = permanent || row.getAttempts() >= properties.maxAttempts();
            transactions.executeWithoutResult(tx -> {
                var fresh = outbox.findById(row.getId()).orElseThrow();
                if (giveUp) {
                    fresh.failed(reason);
                    cases.recordDelivery(row.getMessageId(), DeliveryState.FAILED, reason);
                } else {
                    var next = clock.instant().plus(properties.backoff(row.getAttempts()));
                    fresh.retryAt(next, reason);
                    cases.recordDelivery(
                            row.getMessageId(),
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
    }

    private OutboundDelivery delivery(OutboundMessage row) {
        SupportCase supportCase = cases.get(row.getCaseId());
        var customer = customers.get(row.getCustomerId());
        return new OutboundDelivery(
                row.getId(),
                row.getCaseId(),
                supportCase.reference(),
                supportCase.getSubject(),
                row.getChannel(),
                row.getRecipient(),
                customer.getName(),
                row.getAuthor(),
                row.getBody(),
                PlainText.of(row.getBody()),
                threadKeys.of(row.getCaseId(), row.getChannel()),
                cases.answersPublicPost(row.getMessageId(), row.getChannel()),
                row.getIdempotencyKey());
    }
}
