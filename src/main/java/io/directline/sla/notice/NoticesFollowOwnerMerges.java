package io.directline.sla.notice;

import io.directline.customer.MovedRows;
import io.directline.customer.OwnerMergeUndone;
import io.directline.customer.OwnerMerges;
import io.directline.customer.OwnersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A merged owner's notices (sent and waiting for quiet hours to end) follow to the owner they were merged into; the
 * SLA clocks and promises are kept by case and follow the case. An undo moves exactly those notices back.
 */
@Component
class NoticesFollowOwnerMerges {

    private final JdbcTemplate jdbc;
    private final OwnerMerges merges;

    NoticesFollowOwnerMerges(JdbcTemplate jdbc, OwnerMerges merges) {
        this.jdbc = jdbc;
        this.merges = merges;
    }

    @EventListener
    void on(OwnersMerged merged) {
        MovedRows.follow(jdbc, merges, merged, "owner_notice", "customer_id", true);
    }

    @EventListener
    void on(OwnerMergeUndone undone) {
        MovedRows.goBack(jdbc, merges, undone, "owner_notice", "customer_id", true);
    }
}
