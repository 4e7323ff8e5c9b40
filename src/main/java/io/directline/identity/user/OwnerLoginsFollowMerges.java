package io.directline.identity.user;

import io.directline.customer.MovedRows;
import io.directline.customer.OwnerMergeUndone;
import io.directline.customer.OwnerMerges;
import io.directline.customer.OwnersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A merged owner's portal login follows to the owner they were merged into: signing in, they see all their cases
 * together. An undo gives the login back.
 */
@Component
class OwnerLoginsFollowMerges {

    private final JdbcTemplate jdbc;
    private final OwnerMerges merges;

    OwnerLoginsFollowMerges(JdbcTemplate jdbc, OwnerMerges merges) {
        this.jdbc = jdbc;
        this.merges = merges;
    }

    @EventListener
    void on(OwnersMerged merged) {
        MovedRows.follow(jdbc, merges, merged, "app_user", "customer_id", true);
    }

    @EventListener
    void on(OwnerMergeUndone undone) {
        MovedRows.goBack(jdbc, merges, undone, "app_user", "customer_id", true);
    }
}
