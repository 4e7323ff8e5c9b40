package io.directline.channel.outbox;

import io.directline.customer.MovedRows;
import io.directline.customer.OwnerMergeUndone;
import io.directline.customer.OwnerMerges;
import io.directline.customer.OwnersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A merged owner's outgoing messages (sent, and those still waiting, which keep the address they were written to)
 * follow to the owner they were merged into. An undo moves exactly those back.
 */
@Component
class OutboxFollowsOwnerMerges {

    private final JdbcTemplate jdbc;
    private final OwnerMerges merges;

    OutboxFollowsOwnerMerges(JdbcTemplate jdbc, OwnerMerges merges) {
        this.jdbc = jdbc;
        this.merges = merges;
    }

    @EventListener
    void on(OwnersMerged merged) {
        MovedRows.follow(jdbc, merges, merged, "outbound_message", "customer_id", true);
    }

    @EventListener
    void on(OwnerMergeUndone undone) {
        MovedRows.goBack(jdbc, merges, undone, "outbound_message", "customer_id", true);
    }
}
