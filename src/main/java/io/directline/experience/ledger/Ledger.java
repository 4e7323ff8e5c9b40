package io.directline.experience.ledger;

import io.directline.experience.EntryRecorded;
import io.directline.experience.EntrySource;
import io.directline.experience.Experience;
import io.directline.experience.Standing;
import io.directline.experience.StandingChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The experience ledger: records each experience once (by its event key), and after every entry computes the owner's
 * {@link Standing} anew into {@code owner_standing}, publishing {@link EntryRecorded} and {@link StandingChanged} in
 * the same transaction. The balance counts the entries of the rolling window only (see {@link Balance}).
 */
@Service
@Transactional(readOnly = true)
public class Ledger implements Experience {

    private static final String COLUMNS =
            "id, customer_id, source, sign, weight, case_id, order_ref, note, at, created_by";

    private final JdbcClient jdbc;
    private final LifetimeValues lifetimeValues;
    private final ExperienceProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DataSource dataSource;

    Ledger(
            JdbcClient jdbc,
            LifetimeValues lifetimeValues,
            ExperienceProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.lifetimeValues = lifetimeValues;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records an experience unless one with the same event key was recorded before, and computes the owner's
     * standing anew.
     *
     * @return the new entry; empty when the key was already recorded (a replayed event adds nothing)
     */
    @Transactional
    public Optional<LedgerEntry> record(NewEntry entry) {
        lock(entry.customerId());
        boolean inserted = once(() -> jdbc.sql("insert into experience_entry"
                        + " (customer_id, source, sign, weight, case_id, order_ref, note, event_key, at, created_by)"
                        + " select :customerId, :source, :sign, :weight, cast(:caseId as bigint),"
                        + " cast(:orderRef as varchar(64)), cast(:note as varchar(1000)), :key, :at, :by"
                        + " from (values (1)) as one (x)"
                        + " where not exists (select 1 from experience_entry where event_key = :key)")
                .param("customerId", entry.customerId())
                .param("source", entry.source().name())
                .param("sign", entry.sign())
                .param("weight", entry.weight())
                .param("caseId", entry.caseId())
                .param("orderRef", entry.orderRef())
                .param("note", entry.note())
                .param("key", entry.eventKey())
                .param("at", Timestamp.from(entry.at()))
                .param("by", entry.createdBy())
                .update());
        if (!inserted) {
            return Optional.empty();
        }
        var recorded = byKey(entry.eventKey()).orElseThrow();
        events.publishEvent(new EntryRecorded(
                recorded.id(),
                recorded.customerId(),
                recorded.caseId(),
                recorded.orderRef(),
                recorded.source(),
                recorded.sign(),
                recorded.weight(),
                recorded.note(),
                recorded.at()));
        recompute(entry.customerId());
        return Optional.of(recorded);
    }

    /** The entry recorded for an event key, if any. */
    public Optional<LedgerEntry> byKey(String eventKey) {
        return jdbc.sql("select " + COLUMNS + " from experience_entry where event_key = :key")
                .param("key", eventKey)
                .query(Ledger::entry)
                .optional();
    }

    /** The owner's entries, newest first, one page of {@code size} (plus one, to tell whether more follow). */
    public List<LedgerEntry> entries(long customerId, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from experience_entry where customer_id = :customerId"
                        + " order by at desc, id desc limit :limit offset :offset")
                .param("customerId", customerId)
                .param("offset", (long) page * size)
                .param("limit", size + 1)
                .query(Ledger::entry)
                .list();
    }

    @Override
    public Standing standingOf(long customerId) {
        return compute(customerId, clock.instant());
    }

    /** The owner's standing with its parts, for the screens that show how it was computed. */
    public Breakdown breakdownOf(long customerId) {
        var now = clock.instant();
        var balance = balanceOf(customerId, windowStart(now));
        var lifetime = lifetimeValues.of(customerId);
        return new Breakdown(compute(customerId, now), balance, lifetime);
    }

    /**
     * An owner's standing and its parts.
     *
     * @param lifetime the lifetime value with how it was computed
     */
    public record Breakdown(Standing standing, Balance balance, LifetimeValue lifetime) {

        /** How the value at risk was computed, for a person. */
        public String valueAtRiskHow() {
            if (!balance.atRisk()) {
                return "Nothing at risk while the balance is not below zero.";
            }
            return "Lifetime value × risk factor "
                    + balance.riskFactor().stripTrailingZeros().toPlainString()
                    + " (−balance ÷ (2 × " + balance.negativeWeight() + "), at most 1) = "
                    + Money.usd(standing.valueAtRisk()) + ".";
        }
    }

    /**
     * Computes the owner's standing anew into {@code owner_standing} and publishes {@link StandingChanged} when it
     * changed.
     */
    @Transactional
    public Standing recompute(long customerId) {
        var now = clock.instant();
        lock(customerId);
        var before = stored(customerId);
        var after = compute(customerId, now);
        jdbc.sql("update owner_standing set balance = :balance, positives = :positives,"
                        + " negatives = :negatives, at_risk = :atRisk, lifetime_value = :ltv, value_at_risk = :var,"
                        + " window_start = :windowStart, computed_at = :now where customer_id = :customerId")
                .paramSource(standingParams(after, now))
                .update();
        if (before.balance() != after.balance()
                || before.atRisk() != after.atRisk()
                || before.lifetimeValue().compareTo(after.lifetimeValue()) != 0
                || before.valueAtRisk().compareTo(after.valueAtRisk()) != 0) {
            events.publishEvent(new StandingChanged(before, after));
        }
        return after;
    }

    /**
     * Holds the owner's standing row for this transaction, so entries for the same owner recorded at the same moment
     * are counted one after the other. The row is first created, at zero, behind a savepoint.
     */
    private void lock(long customerId) {
        once(() -> jdbc.sql("insert into owner_standing (customer_id, balance, positives, negatives, at_risk,"
                        + " lifetime_value, value_at_risk, window_start, computed_at)"
                        + " select :customerId, 0, 0, 0, false, 0, 0, :now, :now from (values (1)) as one (x)"
                        + " where not exists (select 1 from owner_standing where customer_id = :customerId)")
                .param("customerId", customerId)
                .param("now", Timestamp.from(clock.instant()))
                .update());
        jdbc.sql("select customer_id from owner_standing where customer_id = :customerId for update")
                .param("customerId", customerId)
                .query(Long.class)
                .single();
    }

    /**
     * Runs an insert that may race with the same insert in another transaction, behind a savepoint on this
     * transaction's own connection: a duplicate key means the other one got there first, and is rolled back to the
     * savepoint without spoiling this transaction (PostgreSQL aborts a transaction on any error otherwise). No second
     * connection is taken, so listeners that each hold one cannot starve the pool.
     *
     * @return whether this insert added the row
     */
    private boolean once(IntSupplier insert) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            var savepoint = connection.setSavepoint();
            try {
                boolean added = insert.getAsInt() > 0;
                connection.releaseSavepoint(savepoint);
                return added;
            } catch (DuplicateKeyException e) {
                connection.rollback(savepoint);
                return false;
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not use a savepoint", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Owners whose standing was computed over a window that has since moved past one of their entries, at most
     * {@code limit} of them.
     */
    List<Long> ownersWithEntriesLeavingTheWindow(int limit) {
        var start = Timestamp.from(windowStart(clock.instant()));
        return jdbc.sql("select s.customer_id from owner_standing s where s.window_start < :start and exists"
                        + " (select 1 from experience_entry e where e.customer_id = s.customer_id"
                        + " and e.at >= s.window_start and e.at < :start)"
                        + " order by s.customer_id limit :limit")
                .param("start", start)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    private Standing compute(long customerId, Instant now) {
        var windowStart = windowStart(now);
        var balance = balanceOf(customerId, windowStart);
        var lifetime = lifetimeValues.of(customerId).value();
        String latestBad = null;
        java.time.LocalDate oldestBadLeaves = null;
        if (balance.negatives() > 0) {
            var bad = jdbc.sql("select " + COLUMNS + " from experience_entry where customer_id = :customerId"
                            + " and sign < 0 and at >= :start order by at desc, id desc limit 1")
                    .param("customerId", customerId)
                    .param("start", Timestamp.from(windowStart))
                    .query(Ledger::entry)
                    .optional();
            latestBad = bad.map(LedgerEntry::describe).orElse(null);
            oldestBadLeaves = jdbc.sql("select min(at) from experience_entry where customer_id = :customerId"
                            + " and sign < 0 and at >= :start")
                    .param("customerId", customerId)
                    .param("start", Timestamp.from(windowStart))
                    .query(Timestamp.class)
                    .optional()
                    .map(t -> t.toInstant()
                            .plus(properties.window())
                            .atZone(ZoneOffset.UTC)
                            .toLocalDate())
                    .orElse(null);
        }
        return new Standing(
                customerId,
                balance.value(),
                balance.positives(),
                balance.negatives(),
                balance.atRisk(),
                lifetime,
                balance.valueAtRisk(lifetime),
                StandingSentence.of(balance, properties.window(), latestBad, oldestBadLeaves),
                now);
    }

    private Balance balanceOf(long customerId, Instant windowStart) {
        return jdbc.sql("select coalesce(sum(case when sign > 0 then weight else 0 end), 0),"
                        + " coalesce(sum(case when sign < 0 then weight else 0 end), 0)"
                        + " from experience_entry where customer_id = :customerId and at >= :start")
                .param("customerId", customerId)
                .param("start", Timestamp.from(windowStart))
                .query((rs, n) -> new Balance(rs.getInt(1), rs.getInt(2), properties.negativeWeight()))
                .single();
    }

    private Standing stored(long customerId) {
        return jdbc.sql("select customer_id, balance, positives, negatives, at_risk, lifetime_value, value_at_risk,"
                        + " computed_at from owner_standing where customer_id = :customerId")
                .param("customerId", customerId)
                .query((rs, n) -> new Standing(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getBoolean(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        null,
                        rs.getTimestamp(8).toInstant()))
                .single();
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource standingParams(Standing s, Instant now) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("customerId", s.customerId())
                .addValue("balance", s.balance())
                .addValue("positives", s.positives())
                .addValue("negatives", s.negatives())
                .addValue("atRisk", s.atRisk())
                .addValue("ltv", s.lifetimeValue())
                .addValue("var", s.valueAtRisk())
                .addValue("windowStart", Timestamp.from(windowStart(now)))
                .addValue("now", Timestamp.from(now));
    }

    /** The rolling window's length in days. */
    public long windowDays() {
        return properties.window().toDays();
    }

    private Instant windowStart(Instant now) {
        return now.minus(properties.window());
    }

    private static LedgerEntry entry(ResultSet rs, int n) throws SQLException {
        long caseId = rs.getLong("case_id");
        return new LedgerEntry(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                EntrySource.valueOf(rs.getString("source")),
                rs.getInt("sign"),
                rs.getInt("weight"),
                rs.wasNull() ? null : caseId,
                rs.getString("order_ref"),
                rs.getString("note"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("created_by"));
    }
}
