package io.directline.servicecenter.appointment;

import io.directline.customer.MovedRows;
import io.directline.customer.OwnerMergeUndone;
import io.directline.customer.OwnerMerges;
import io.directline.customer.OwnersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A merged owner's service visits follow to the owner they were merged into, in the merge's transaction; an undo
 * moves them back.
 */
@Component
class AppointmentsFollowOwnerMerges {

    static final String TABLE = "appointment";

    private final JdbcTemplate jdbc;
    private final OwnerMerges merges;

    AppointmentsFollowOwnerMerges(JdbcTemplate jdbc, OwnerMerges merges) {
        this.jdbc = jdbc;
        this.merges = merges;
    }

    @EventListener
    void on(OwnersMerged merged) {
        MovedRows.follow(jdbc, merges, merged, TABLE, "customer_id", true);
    }

    @EventListener
    void on(OwnerMergeUndone undone) {
        MovedRows.goBack(jdbc, merges, undone, TABLE, "customer_id", true);
    }
}
