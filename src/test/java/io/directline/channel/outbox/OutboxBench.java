package io.directline.channel.outbox;

import org.springframework.context.ApplicationContext;

/** For benchmark drivers outside this package: runs the node's outbox dispatcher once. */
public final class OutboxBench {

    private OutboxBench() {}

    /** Sends what is due now; returns how many rows were taken. */
    public static int dispatchDue(ApplicationContext context) {
        return context.getBean(OutboxDispatcher.class).dispatchDue();
    }
}
