package io.directline.journey.delay;

import io.directline.customer.MovedRows;
import io.directline.customer.OwnerMergeUndone;
import io.directline.customer.OwnerMerges;
import io.directline.customer.OwnersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A merged owner's delay notices follow to the owner they were merged into, so the notice gap counts all of them;
 * an undo moves exactly those back.
 */
@Component
class DelayNoticesFollowOwnerMerges {

    private final JdbcTemplate jdbc;
    private final OwnerMerges merges;

    DelayNoticesFollowOwnerMerges(JdbcTemplate jdbc, OwnerMerges merges) {
        this.jdbc = jdbc;
        this.merges = merges;
    }

    @EventListener
    void on(OwnersMerged merged) {
        MovedRows.follow(jdbc, merges, merged, "journey_delay_notice", "customer_id", false);
    }

    @EventListener
    void on(OwnerMergeUndone undone) {
        MovedRows.goBack(jdbc, merges, undone, "journey_delay_notice", "customer_id", false);
    }
}
