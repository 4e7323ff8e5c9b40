package io.directline.experience.ledger;

import io.directline.customer.MovedRows;
import io.directline.customer.OwnerMergeUndone;
import io.directline.customer.OwnerMerges;
import io.directline.customer.OwnersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged owner's ledger entries follow to the owner they were merged into, in the merge's transaction (an undo
 * moves them back); after the commit both owners' standings are computed anew.
 */
@Component
class LedgerFollowsOwnerMerges {

    static final String TABLE = "experience_entry";

    private final JdbcTemplate jdbc;
    private final OwnerMerges merges;
    private final Ledger ledger;

    LedgerFollowsOwnerMerges(JdbcTemplate jdbc, OwnerMerges merges, Ledger ledger) {
        this.jdbc = jdbc;
        this.merges = merges;
        this.ledger = ledger;
    }

    @EventListener
    void on(OwnersMerged merged) {
        MovedRows.follow(jdbc, merges, merged, TABLE, "customer_id", false);
    }

    @EventListener
    void on(OwnerMergeUndone undone) {
        MovedRows.goBack(jdbc, merges, undone, TABLE, "customer_id", false);
    }

    @ApplicationModuleListener
    void recompute(OwnersMerged merged) {
        ledger.recompute(merged.from());
        ledger.recompute(merged.into());
    }

    @ApplicationModuleListener
    void recompute(OwnerMergeUndone undone) {
        ledger.recompute(undone.from());
        ledger.recompute(undone.into());
    }
}
