package io.directline.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what is at stake on cases and their place in the "most at stake first" order with plain statements that
 * leave the case's version alone, so a stake or a moved deadline never makes a person's edit of the case fail. Each
 * write holds only if what it computed from is still so (the deadline, or the stake); otherwise it reads again.
 */
@Component
class CaseStakeRows {

    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;

    CaseStakeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stake on every case of the owner that is not closed (support_case_customer_updated_idx). */
    void stake(long customerId, int minutes, String reason) {
        var clipped = reason == null || reason.isBlank()
                ? null
                : reason.length() <= SupportCase.MAX_STAKE_REASON
                        ? reason
                        : reason.substring(0, SupportCase.MAX_STAKE_REASON);
        int stake = Math.max(0, minutes);
        var open = jdbc.sql("select id from support_case where customer_id = :customerId and status <> 'CLOSED'")
                .param("customerId", customerId)
                .query(Long.class)
                .list();
        for (long id : open) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                var due = dueAt(id);
                int updated = jdbc.sql("update support_case set stake_minutes = :minutes, stake_reason = :reason,"
                                + " priority_at = :priorityAt where id = :id and "
                                + (due == null ? "sla_due_at is null" : "sla_due_at = :due"))
                        .param("minutes", stake)
                        .param("reason", clipped)
                        .param("priorityAt", Timestamp.from(priorityAt(due, stake)))
                        .param("id", id)
                        .param("due", due == null ? null : Timestamp.from(due))
                        .update();
                if (updated > 0) {
                    break;
                }
            }
        }
    }

    /** The case's place in the order after its SLA deadline moved to {@code dueAt} (null: no clock runs). */
    void deadlineMoved(long caseId, Instant dueAt) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var minutes = jdbc.sql("select stake_minutes from support_case where id = :id")
                    .param("id", caseId)
                    .query(Integer.class)
                    .optional();
            if (minutes.isEmpty()) {
                return;
            }
            int updated = jdbc.sql("update support_case set priority_at = :priorityAt where id = :id"
                            + " and stake_minutes = :minutes")
                    .param("priorityAt", Timestamp.from(priorityAt(dueAt, minutes.get())))
                    .param("id", caseId)
                    .param("minutes", minutes.get())
                    .update();
            if (updated > 0) {
                return;
            }
        }
    }

    private Instant dueAt(long id) {
        List<Timestamp> due = jdbc.sql("select sla_due_at from support_case where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getTimestamp(1))
                .list();
        return due.isEmpty() || due.get(0) == null ? null : due.get(0).toInstant();
    }

    static Instant priorityAt(Instant dueAt, int stakeMinutes) {
        return Objects.requireNonNullElse(dueAt, SupportCase.NO_DEADLINE).minus(Duration.ofMinutes(stakeMinutes));
    }
}
