package io.directline.escalation.merge;

import io.directline.customer.MovedRows;
import io.directline.customer.OwnerMergeUndone;
import io.directline.customer.OwnerMerges;
import io.directline.customer.OwnersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A merged owner's executive escalations and the guard's record of their attempts follow to the owner they were
 * merged into, so the quota and cool-down count them together; the guard's lock row follows when the survivor has
 * none. Requested responders are kept by case and follow the case. An undo moves exactly those rows back.
 */
@Component
class EscalationsFollowOwnerMerges {

    static final String ESCALATING_OWNER = "escalation_owner";

    private final JdbcTemplate jdbc;
    private final OwnerMerges merges;

    EscalationsFollowOwnerMerges(JdbcTemplate jdbc, OwnerMerges merges) {
        this.jdbc = jdbc;
        this.merges = merges;
    }

    @EventListener
    void on(OwnersMerged merged) {
        MovedRows.follow(jdbc, merges, merged, "executive_escalation", "customer_id", true);
        MovedRows.follow(jdbc, merges, merged, "escalation_attempt", "customer_id", false);
        // the lock row is keyed by owner: it moves only when the survivor has none (its own then serves both)
        int moved = jdbc.update(
                "update escalation_owner set customer_id = ? where customer_id = ?"
                        + " and not exists (select 1 from escalation_owner o where o.customer_id = ?)",
                merged.into(),
                merged.from(),
                merged.into());
        if (moved > 0) {
            merges.recordMoved(merged.mergeId(), ESCALATING_OWNER, java.util.List.of(merged.from()));
        }
    }

    @EventListener
    void on(OwnerMergeUndone undone) {
        MovedRows.goBack(jdbc, merges, undone, "executive_escalation", "customer_id", true);
        MovedRows.goBack(jdbc, merges, undone, "escalation_attempt", "customer_id", false);
        if (!merges.movedRows(undone.mergeId(), ESCALATING_OWNER).isEmpty()) {
            jdbc.update(
                    "update escalation_owner set customer_id = ? where customer_id = ?"
                            + " and not exists (select 1 from escalation_owner o where o.customer_id = ?)",
                    undone.from(),
                    undone.into(),
                    undone.from());
        }
    }
}
