package io.directline.cases;

import io.directline.customer.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Counts cases opened and messages by direction and channel, once their transaction has committed. */
@Component
class CaseMetrics {

    private final MeterRegistry registry;

    CaseMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void caseOpened(Channel channel) {
        afterCommit(() -> registry.counter("directline.cases.opened", "channel", channel.name())
                .increment());
    }

    void message(Direction direction, Channel channel) {
        afterCommit(
                () -> registry.counter("directline.messages", "direction", direction.name(), "channel", channel.name())
                        .increment());
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
