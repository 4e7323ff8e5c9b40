package io.directline.journey.delay;

import io.directline.journey.Milestone;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The journey_delay_notice table, read and written by indexed statements (see V28). */
@Repository
class DelayRows {

    private static final String COLUMNS = "id, order_ref, milestone, customer_id, promised_date, known_date, new_date,"
            + " reason, status, detected_at, due_at, told_at, told_by";

    private final NamedParameterJdbcTemplate jdbc;

    DelayRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static DelayRow row(ResultSet rs, int n) throws SQLException {
        return new DelayRow(
                rs.getLong("id"),
                rs.getString("order_ref"),
                Milestone.valueOf(rs.getString("milestone")),
                rs.getLong("customer_id"),
                rs.getObject("promised_date", LocalDate.class),
                rs.getObject("known_date", LocalDate.class),
                rs.getObject("new_date", LocalDate.class),
                rs.getString("reason"),
                DelayStatus.valueOf(rs.getString("status")),
                instant(rs, "detected_at"),
                instant(rs, "due_at"),
                instant(rs, "told_at"),
                rs.getString("told_by"));
    }

    Optional<DelayRow> find(long id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from journey_delay_notice where id = :id",
                        Map.of("id", id),
                        DelayRows::row)
                .stream()
                .findFirst();
    }

    /** The latest estimate of an order's milestone (journey_delay_notice_order_idx). */
    Optional<DelayRow> latest(String orderRef, Milestone milestone) {
        return jdbc
                .query(
                        "select " + COLUMNS
                                + " from journey_delay_notice where order_ref = :ref and milestone = :milestone"
                                + " order by id desc limit 1",
                        Map.of("ref", orderRef, "milestone", milestone.name()),
                        DelayRows::row)
                .stream()
                .findFirst();
    }

    /** The latest estimate the owner was told of for an order's milestone. */
    Optional<DelayRow> latestTold(String orderRef, Milestone milestone) {
        return jdbc
                .query(
                        "select " + COLUMNS
                                + " from journey_delay_notice where order_ref = :ref and milestone = :milestone"
                                + " and status in ('SENT', 'COVERED') order by id desc limit 1",
                        Map.of("ref", orderRef, "milestone", milestone.name()),
                        DelayRows::row)
                .stream()
                .findFirst();
    }

    /** Every estimate of an order the watch heard of, oldest first. */
    List<DelayRow> ofOrder(String orderRef) {
        return jdbc.query(
                "select " + COLUMNS + " from journey_delay_notice where order_ref = :ref order by id",
                Map.of("ref", orderRef),
                DelayRows::row);
    }

    long insert(
            String orderRef,
            Milestone milestone,
            long customerId,
            LocalDate promised,
            LocalDate newDate,
            String reason,
            DelayStatus status,
            Instant detectedAt,
            Instant dueAt) {
        var params = new MapSqlParameterSource()
                .addValue("ref", orderRef)
                .addValue("milestone", milestone.name())
                .addValue("customerId", customerId)
                .addValue("promised", promised)
                .addValue("newDate", newDate)
                .addValue("reason", reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000))
                .addValue("status", status.name())
                .addValue("detectedAt", at(detectedAt))
                .addValue("dueAt", at(dueAt));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(
                "insert into journey_delay_notice (order_ref, milestone, customer_id, promised_date, new_date, reason,"
                        + " status, detected_at, due_at) values (:ref, :milestone, :customerId, :promised, :newDate,"
                        + " :reason, :status, :detectedAt, :dueAt)",
                params,
                keys,
                new String[] {"id"});
        return keys.getKey().longValue();
    }

    /** Held notices of an order's milestone are superseded by a newer estimate. */
    int supersedeHeld(String orderRef, Milestone milestone) {
        return jdbc.update(
                "update journey_delay_notice set status = 'SUPERSEDED', due_at = null where order_ref = :ref"
                        + " and milestone = :milestone and status = 'HELD'",
                Map.of("ref", orderRef, "milestone", milestone.name()));
    }

    /** Held rows due now, by the journey_delay_notice_due_idx. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList(
                "select id from journey_delay_notice where due_at <= :now order by due_at, id limit :limit",
                new MapSqlParameterSource().addValue("now", at(now)).addValue("limit", limit),
                Long.class);
    }

    /**
     * Claims a due row for this node's transaction: locks it unless another node holds it ({@code SKIP LOCKED}); false
     * when another node has it or it is no longer due.
     */
    boolean claim(long id, Instant now) {
        return !jdbc.queryForList(
                        "select id from journey_delay_notice where id = :id and status = 'HELD' and due_at <= :now"
                                + " for update skip locked",
                        new MapSqlParameterSource().addValue("id", id).addValue("now", at(now)),
                        Long.class)
                .isEmpty();
    }

    void supersede(long id) {
        jdbc.update(
                "update journey_delay_notice set status = 'SUPERSEDED', due_at = null where id = :id",
                Map.of("id", id));
    }

    /** A broadcast (or another notice) told the owner of this estimate already. */
    void covered(long id, Instant toldAt, String toldBy) {
        jdbc.update(
                "update journey_delay_notice set status = 'COVERED', due_at = null, told_at = :at, told_by = :by"
                        + " where id = :id",
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("at", at(toldAt))
                        .addValue("by", toldBy == null || toldBy.length() <= 200 ? toldBy : toldBy.substring(0, 200)));
    }

    void postpone(long id, Instant dueAt) {
        jdbc.update(
                "update journey_delay_notice set due_at = :dueAt where id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("dueAt", at(dueAt)));
    }

    void sent(long id, LocalDate knownDate, Instant at) {
        jdbc.update(
                "update journey_delay_notice set status = 'SENT', due_at = null, known_date = :known, told_at = :at,"
                        + " told_by = 'delay' where id = :id",
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("known", knownDate)
                        .addValue("at", at(at)));
    }

    /** When this owner was last sent a personal delay notice (journey_delay_notice_owner_idx). */
    Optional<Instant> lastSentTo(long customerId) {
        return jdbc.query(
                        "select max(told_at) as told_at from journey_delay_notice where customer_id = :customerId"
                                + " and told_at is not null and told_by = 'delay'",
                        Map.of("customerId", customerId),
                        (rs, n) -> Optional.ofNullable(instant(rs, "told_at")))
                .get(0);
    }
}
