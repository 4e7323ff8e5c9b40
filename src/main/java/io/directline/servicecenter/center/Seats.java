package io.directline.servicecenter.center;

import io.directline.servicecenter.ServiceType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seats booked per center, service and day (the service_slot table). A seat is taken by one conditional update
 * ({@code booked = booked + 1 where booked < capacity}) whose count says whether it was free: the database's row lock
 * makes two takers of the last seat wait for each other, and the second finds it full, on H2 and PostgreSQL alike.
 */
@Component
public class Seats {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    Seats(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Makes sure the day's counter row exists, in a transaction of its own and before the booking's transaction
     * starts (never nested in it, so a booking holds one connection at a time): a racing insert of the same row loses
     * to the unique key and is ignored.
     */
    public void ensureRow(long centerId, ServiceType service, LocalDate day) {
        if (exists(centerId, service, day)) {
            return;
        }
        try {
            own.executeWithoutResult(tx -> jdbc.sql("insert into service_slot (center_id, service, on_day, booked)"
                            + " values (:center, :service, :day, 0)")
                    .param("center", centerId)
                    .param("service", service.name())
                    .param("day", day)
                    .update());
        } catch (DataIntegrityViolationException racedAndLost) {
            // another booking inserted the row first: it is there, which is all we need
        }
    }

    private boolean exists(long centerId, ServiceType service, LocalDate day) {
        return jdbc.sql("select count(*) from service_slot where center_id = :center and service = :service"
                                + " and on_day = :day")
                        .param("center", centerId)
                        .param("service", service.name())
                        .param("day", day)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Takes a seat in the caller's transaction; false when the day is full (or its row is missing). */
    public boolean take(long centerId, ServiceType service, LocalDate day, int capacity) {
        return jdbc.sql("update service_slot set booked = booked + 1 where center_id = :center and service = :service"
                                + " and on_day = :day and booked < :capacity")
                        .param("center", centerId)
                        .param("service", service.name())
                        .param("day", day)
                        .param("capacity", capacity)
                        .update()
                == 1;
    }

    /** Frees a seat in the caller's transaction. */
    public void release(long centerId, ServiceType service, LocalDate day) {
        jdbc.sql("update service_slot set booked = booked - 1 where center_id = :center and service = :service"
                        + " and on_day = :day and booked > 0")
                .param("center", centerId)
                .param("service", service.name())
                .param("day", day)
                .update();
    }

    /** The seats booked per center and day from {@code from} to {@code to} (inclusive); one read of the key. */
    public Map<Long, Map<LocalDate, Integer>> booked(
            ServiceType service, Collection<Long> centerIds, LocalDate from, LocalDate to) {
        var out = new HashMap<Long, Map<LocalDate, Integer>>();
        if (centerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select center_id, on_day, booked from service_slot where center_id in (:centers)"
                        + " and service = :service and on_day between :from and :to")
                .param("centers", padded(centerIds))
                .param("service", service.name())
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("center_id"), id -> new HashMap<>())
                            .put(rs.getObject("on_day", LocalDate.class), rs.getInt("booked"));
                });
        return out;
    }

    /**
     * The ids, the last repeated up to the next power of two: one statement (and one cached plan) per size class, not
     * one per list length.
     */
    static List<Long> padded(Collection<Long> ids) {
        var out = new ArrayList<>(ids);
        int size = Integer.highestOneBit(Math.max(1, out.size() - 1)) << 1;
        var last = out.get(out.size() - 1);
        while (out.size() < size) {
            out.add(last);
        }
        return out;
    }

    /**
     * The first days from {@code from} to {@code to} (inclusive) the center is open and has a free seat for the
     * service, at most {@code max}.
     */
    public static List<Slot> freeDays(
            ServiceCenter center,
            ServiceType service,
            Map<LocalDate, Integer> booked,
            LocalDate from,
            LocalDate to,
            int max) {
        var out = new ArrayList<Slot>();
        int seats = center.seats(service);
        for (var day = from; !day.isAfter(to) && out.size() < max; day = day.plusDays(1)) {
            var hours = center.hoursOn(day);
            if (hours == null) {
                continue;
            }
            int free = seats - booked.getOrDefault(day, 0);
            if (free > 0) {
                out.add(new Slot(
                        day, free, hours.opens().toString(), hours.closes().toString()));
            }
        }
        return out;
    }

    /** {@link #freeDays} read from the database for one center. */
    public List<Slot> freeDays(ServiceCenter center, ServiceType service, LocalDate from, LocalDate to, int max) {
        var booked = booked(service, List.of(center.id()), from, to).getOrDefault(center.id(), Map.of());
        return freeDays(center, service, booked, from, to, max);
    }
}
