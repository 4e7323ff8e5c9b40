package io.directline.experience.recovery;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseProblems;
import io.directline.identity.Role;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goodwill gestures offered on a case: up to {@code directline.experience.goodwill-approval-above} they are approved
 * as they are proposed; above it they wait for a supervisor's approval and cannot be given before it.
 */
@Service
@Transactional(readOnly = true)
class Goodwill {

    static final int MAX_DESCRIPTION = 300;
    private static final String COLUMNS = "id, recovery_id, case_id, customer_id, amount, description, status,"
            + " proposed_by, decided_by, created_at, decided_at";

    private final JdbcClient jdbc;
    private final CaseManagement cases;
    private final UserManagement users;
    private final RecoveryProperties properties;
    private final Clock clock;

    Goodwill(JdbcClient jdbc, CaseManagement cases, UserManagement users, RecoveryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** A gesture and where it stands: PROPOSED (waiting for approval), APPROVED, GIVEN or REFUSED. */
    record Gesture(
            long id,
            Long recoveryId,
            long caseId,
            long customerId,
            BigDecimal amount,
            String description,
            String status,
            String proposedBy,
            String decidedBy,
            Instant createdAt,
            Instant decidedAt) {}

    /**
     * Proposes a gesture on a case; approved at once when it is within the limit or {@code approver} may approve it.
     * With an idempotency key, a repeated proposal returns the first. Throws 400 problems naming the field.
     */
    @Transactional
    Gesture propose(
            Long recoveryId,
            long caseId,
            long customerId,
            BigDecimal amount,
            String description,
            String by,
            boolean approver,
            String idempotencyKey) {
        if (idempotencyKey != null) {
            var before = byKey(idempotencyKey);
            if (before.isPresent()) {
                return before.get();
            }
        }
        if (amount == null
                || amount.signum() <= 0
                || amount.compareTo(Playbooks.MAX_AMOUNT) > 0
                || amount.scale() > 2) {
            throw CaseProblems.invalidField(
                    "amount", "amount must be more than 0 and at most 100000 dollars, with at most two decimals.");
        }
        var what = description == null ? "" : description.strip();
        if (what.isEmpty() || what.length() > MAX_DESCRIPTION) {
            throw CaseProblems.invalidField(
                    "description", "Say what the gesture is, in 1 to " + MAX_DESCRIPTION + " characters.");
        }
        boolean approved = approver || amount.compareTo(properties.goodwillApprovalAbove()) <= 0;
        var now = Timestamp.from(clock.instant());
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into goodwill_gesture (recovery_id, case_id, customer_id, amount, description, status,"
                        + " proposed_by, decided_by, created_at, decided_at, idempotency_key) values (:recovery,"
                        + " :caseId, :owner, :amount, :what, :status, :by, :decidedBy, :now, :decidedAt, :key)")
                .param("recovery", recoveryId)
                .param("caseId", caseId)
                .param("owner", customerId)
                .param("amount", amount)
                .param("what", what)
                .param("status", approved ? "APPROVED" : "PROPOSED")
                .param("by", by)
                .param("decidedBy", approved ? by : null)
                .param("now", now)
                .param("decidedAt", approved ? now : null)
                .param("key", idempotencyKey)
                .update(key, "id");
        return get(key.getKeyAs(Number.class).longValue());
    }

    /** A supervisor approves (or refuses) a proposed gesture; a 409 problem when it is not waiting for a decision. */
    @Transactional
    Gesture decide(long id, boolean approve, String by) {
        var gesture = get(id);
        if (!"PROPOSED".equals(gesture.status())) {
            throw CaseProblems.problem(
                    HttpStatus.CONFLICT,
                    "Already decided",
                    "This gesture is " + gesture.status().toLowerCase()
                            + "; only a proposed one waits for a decision.");
        }
        jdbc.sql("update goodwill_gesture set status = :status, decided_by = :by, decided_at = :now"
                        + " where id = :id and status = 'PROPOSED'")
                .param("status", approve ? "APPROVED" : "REFUSED")
                .param("by", by)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        return get(id);
    }

    /**
     * Gives an approved gesture (recorded on the case as an internal note). A 409 problem that says who must approve
     * when it is over the limit and not approved yet, or when it was refused or given before.
     */
    @Transactional
    Gesture give(long id, Actor actor) {
        var gesture = get(id);
        if ("PROPOSED".equals(gesture.status())) {
            throw CaseProblems.problem(
                    HttpStatus.CONFLICT,
                    "Approval needed",
                    "A goodwill gesture over $"
                            + properties.goodwillApprovalAbove().toPlainString()
                            + " needs a supervisor's approval before it is given: ask " + approvers() + ".");
        }
        if (!"APPROVED".equals(gesture.status())) {
            throw CaseProblems.problem(
                    HttpStatus.CONFLICT,
                    "Not to be given",
                    "This gesture is " + gesture.status().toLowerCase() + "; only an approved one is given.");
        }
        int updated = jdbc.sql("update goodwill_gesture set status = 'GIVEN' where id = :id and status = 'APPROVED'")
                .param("id", id)
                .update();
        if (updated > 0) {
            cases.addNote(
                    gesture.caseId(),
                    "Goodwill gesture given: $" + gesture.amount().toPlainString() + " — " + gesture.description()
                            + " (approved by " + gesture.decidedBy() + ").",
                    actor);
        }
        return get(id);
    }

    /** Who may approve: the supervisors by name and username, for the refusal's sentence. */
    String approvers() {
        var supervisors = users.withRole(Role.SUPERVISOR);
        if (supervisors.isEmpty()) {
            return "an administrator";
        }
        return "a supervisor ("
                + supervisors.stream().limit(3).map(Goodwill::who).collect(Collectors.joining(", "))
                + (supervisors.size() > 3 ? ", …" : "") + ")";
    }

    private static String who(StaffMember s) {
        return s.displayName() + " (" + s.username() + ")";
    }

    Gesture get(long id) {
        return find(id).orElseThrow(() -> CaseProblems.problem(
                HttpStatus.NOT_FOUND, "Gesture not found", "There is no goodwill gesture with id " + id + "."));
    }

    Optional<Gesture> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from goodwill_gesture where id = :id")
                .param("id", id)
                .query(Goodwill::gesture)
                .optional();
    }

    private Optional<Gesture> byKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from goodwill_gesture where idempotency_key = :key")
                .param("key", key)
                .query(Goodwill::gesture)
                .optional();
    }

    List<Gesture> ofCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from goodwill_gesture where case_id = :caseId order by created_at, id")
                .param("caseId", caseId)
                .query(Goodwill::gesture)
                .list();
    }

    List<Gesture> ofOwner(long customerId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from goodwill_gesture where customer_id = :owner"
                        + " order by created_at desc, id desc limit :limit")
                .param("owner", customerId)
                .param("limit", limit)
                .query(Goodwill::gesture)
                .list();
    }

    private static Gesture gesture(ResultSet rs, int n) throws SQLException {
        long recovery = rs.getLong("recovery_id");
        Long recoveryId = rs.wasNull() ? null : recovery;
        var decided = rs.getTimestamp("decided_at");
        return new Gesture(
                rs.getLong("id"),
                recoveryId,
                rs.getLong("case_id"),
                rs.getLong("customer_id"),
                rs.getBigDecimal("amount"),
                rs.getString("description"),
                rs.getString("status"),
                rs.getString("proposed_by"),
                rs.getString("decided_by"),
                rs.getTimestamp("created_at").toInstant(),
                decided == null ? null : decided.toInstant());
    }
}
