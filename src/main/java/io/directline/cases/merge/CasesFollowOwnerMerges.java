package io.directline.cases.merge;

import io.directline.cases.Actor;
import io.directline.cases.audit.CaseAudit;
import io.directline.cases.audit.CaseAuditRepository;
import io.directline.customer.Channel;
import io.directline.customer.MovedRows;
import io.directline.customer.OwnerMergeUndone;
import io.directline.customer.OwnerMerges;
import io.directline.customer.OwnersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A merged owner's cases follow to the owner they were merged into (their messages, promises and requested
 * responders go with the case), in the merge's transaction, with one bulk update; each case's trail says who merged
 * and why. An undo moves exactly those cases back.
 */
@Component
class CasesFollowOwnerMerges {

    static final String TABLE = "support_case";

    private final JdbcTemplate jdbc;
    private final OwnerMerges merges;
    private final CaseAuditRepository audit;

    CasesFollowOwnerMerges(JdbcTemplate jdbc, OwnerMerges merges, CaseAuditRepository audit) {
        this.jdbc = jdbc;
        this.merges = merges;
        this.audit = audit;
    }

    @EventListener
    void on(OwnersMerged merged) {
        if (MovedRows.follow(jdbc, merges, merged, TABLE, "customer_id", true) == 0) {
            return;
        }
        var actor = new Actor(merged.mergedBy(), merged.mergedBy(), Channel.PORTAL);
        var detail = abbreviate("Owner " + merged.from() + " merged into owner " + merged.into() + " (merge "
                + merged.mergeId() + "): " + merged.reason());
        audit.saveAll(merges.movedRows(merged.mergeId(), TABLE).stream()
                .map(id -> new CaseAudit(id, merged.at(), actor, "OWNER_MERGED", detail))
                .toList());
    }

    @EventListener
    void on(OwnerMergeUndone undone) {
        var ids = MovedRows.goBack(jdbc, merges, undone, TABLE, "customer_id", true);
        var actor = new Actor(undone.undoneBy(), undone.undoneBy(), Channel.PORTAL);
        var detail = "Merge " + undone.mergeId() + " undone: the case is owner " + undone.from() + "'s again";
        audit.saveAll(ids.stream()
                .map(id -> new CaseAudit(id, undone.at(), actor, "OWNER_MERGE_UNDONE", detail))
                .toList());
    }

    private static String abbreviate(String text) {
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }
}
