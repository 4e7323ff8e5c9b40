package io.directline.sla.godark;

import io.directline.sla.ClockKind;
import io.directline.sla.clock.SlaClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Repository;

/**
 * The aggregates behind the go-dark figures. Every query counts in the database over an indexed range or
 * reads a bounded page, so a report costs what falls into its period, never the whole history.
 */
@Repository
class GoDarkQueries {

    /** The clocks whose breach leaves an owner waiting for an answer. */
    static final Set<ClockKind> RESPONSE_KINDS = EnumSet.copyOf(
            Arrays.stream(ClockKind.values()).filter(ClockKind::isResponse).toList());

    /** A running response clock whose breach is recorded: the owner still waits past the target. */
    private static final String SILENT = "c.state = :running and c.breachedAt <= :now and c.kind in :kinds";

    /** A case silent since {@code since}: its running response clock started then. */
    record SilentCase(long caseId, Instant since) {}

    private final EntityManager entityManager;

    GoDarkQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Response clocks breached in each interval between consecutive {@code boundaries} (the last interval
     * ends at and includes the last boundary), by the range of sla_clock_breached_idx.
     */
    long[] responseBreaches(List<Instant> boundaries) {
        return perInterval(
                "StoredClock",
                "breachedAt",
                "and x.kind in :kinds",
                boundaries,
                q -> q.setParameter("kinds", RESPONSE_KINDS));
    }

    /** Promises broken in each interval between consecutive {@code boundaries}, by promise_broken_idx. */
    long[] brokenPromises(List<Instant> boundaries) {
        return perInterval("Promise", "brokenAt", "", boundaries, q -> {});
    }

    /** Promises kept from {@code from} up to and including {@code to}, by promise_kept_idx. */
    long keptPromises(Instant from, Instant to) {
        return entityManager
                .createQuery("select count(p) from Promise p where p.keptAt >= :from and p.keptAt <= :to", Long.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }

    /** Promises open at {@code now}: made by then and neither kept nor broken (promise_due_idx by status). */
    long openPromises(Instant now) {
        return entityManager
                .createQuery(
                        "select count(p) from Promise p where p.status = io.directline.sla.PromiseStatus.OPEN"
                                + " and p.createdAt <= :now",
                        Long.class)
                .setParameter("now", now)
                .getSingleResult();
    }

    /** How many cases are silent at {@code now} (by sla_clock_silent_idx). */
    long silentCases(Instant now) {
        return entityManager
                .createQuery("select count(distinct c.caseId) from StoredClock c where " + SILENT, Long.class)
                .setParameter("running", SlaClock.State.RUNNING)
                .setParameter("now", now)
                .setParameter("kinds", RESPONSE_KINDS)
                .getSingleResult();
    }

    /** The {@code limit} cases silent longest at {@code now}, longest first. */
    List<SilentCase> longestSilent(Instant now, int limit) {
        return entityManager
                .createQuery(
                        "select c.caseId, min(c.startedAt) from StoredClock c where " + SILENT
                                + " group by c.caseId order by min(c.startedAt), c.caseId",
                        Tuple.class)
                .setParameter("running", SlaClock.State.RUNNING)
                .setParameter("now", now)
                .setParameter("kinds", RESPONSE_KINDS)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new SilentCase(row.get(0, Long.class), row.get(1, Instant.class)))
                .toList();
    }

    /**
     * Counts rows of {@code entity} whose {@code time} falls in each interval, in one aggregate over the
     * whole range: column i counts the rows before boundary i+1, so each interval is a difference of two.
     */
    private long[] perInterval(
            String entity, String time, String condition, List<Instant> boundaries, Consumer<TypedQuery<Tuple>> bind) {
        int intervals = boundaries.size() - 1;
        if (intervals < 1) {
            throw new IllegalArgumentException("need at least two boundaries, not " + boundaries.size());
        }
        var select = new ArrayList<String>();
        select.add("count(x)");
        for (int i = 1; i < intervals; i++) {
            select.add("sum(case when x." + time + " < :b" + i + " then 1 else 0 end)");
        }
        var query = entityManager.createQuery(
                "select " + String.join(", ", select) + " from " + entity + " x where x." + time + " >= :b0 and x."
                        + time + " <= :b" + intervals + " " + condition,
                Tuple.class);
        for (int i = 0; i <= intervals; i++) {
            query.setParameter("b" + i, boundaries.get(i));
        }
        bind.accept(query);
        var row = query.getSingleResult();
        long[] before = new long[intervals + 1];
        for (int i = 1; i < intervals; i++) {
            // a sum over no rows is null
            before[i] = row.get(i) == null ? 0 : ((Number) row.get(i)).longValue();
        }
        before[intervals] = ((Number) row.get(0)).longValue();
        long[] counts = new long[intervals];
        for (int i = 0; i < intervals; i++) {
            counts[i] = before[i + 1] - before[i];
        }
        return counts;
    }
}
