package io.directline.servicecenter.appointment;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.customer.CustomerManagement;
import io.directline.servicecenter.AppointmentBooked;
import io.directline.servicecenter.AppointmentCancelled;
import io.directline.servicecenter.AppointmentRescheduled;
import io.directline.servicecenter.ServiceType;
import io.directline.servicecenter.VisitCompleted;
import io.directline.servicecenter.center.CenterProblems;
import io.directline.servicecenter.center.Seats;
import io.directline.servicecenter.center.ServiceCenter;
import io.directline.servicecenter.center.ServiceCenterProperties;
import io.directline.servicecenter.center.ServiceCenters;
import io.directline.servicecenter.center.Slot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Appointments: a seat of a center's daily capacity for one service type, booked for a day the center is open (the
 * owner brings the car at any time it is open, or at a drop-off time within its hours). Booking takes the seat with
 * {@link Seats#take}'s conditional update in the booking's transaction, so the last seat goes to exactly one of many
 * who race for it; a refused booking (a full day, a closed day or a holiday, a time outside the hours) is a 409 problem
 * with the center's next free days. Cancelling frees the seat; rescheduling takes the new day's seat and frees the old
 * one in one transaction. A reminder goes on the owner's channel the day before, which keeps their quiet hours.
 */
@Service
public class Appointments {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    static final int MAX_KEY = 200;
    private static final String COLUMNS = "a.id, a.center_id, c.name as center_name, c.street, c.city, c.region,"
            + " a.customer_id, a.case_id, a.service, a.on_day, a.drop_off, a.status, a.booked_by, a.booked_at,"
            + " a.cancelled_at, a.completed_at, a.on_time, a.remind_at, a.reminded_at, a.version";
    private static final String FROM = " from appointment a join service_center c on c.id = a.center_id";

    private final JdbcClient jdbc;
    private final ServiceCenters centers;
    private final Seats seats;
    private final CustomerManagement customers;
    private final CaseManagement cases;
    private final ApplicationEventPublisher events;
    private final VisitNotices notices;
    private final ServiceCenterProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Appointments(
            JdbcClient jdbc,
            ServiceCenters centers,
            Seats seats,
            CustomerManagement customers,
            CaseManagement cases,
            ApplicationEventPublisher events,
            VisitNotices notices,
            ServiceCenterProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.centers = centers;
        this.seats = seats;
        this.customers = customers;
        this.cases = cases;
        this.events = events;
        this.notices = notices;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * A booking to make.
     *
     * @param caseId the case it is booked from (a note records it there), or null
     * @param idempotencyKey the caller's key, already scoped to the caller; a repeat returns the first booking
     * @param tellOwner staff book for the owner, who is told on their channel; an owner booking on the portal is not
     */
    record Booking(
            long centerId,
            long customerId,
            String service,
            LocalDate day,
            LocalTime dropOff,
            Long caseId,
            Actor by,
            String idempotencyKey,
            boolean tellOwner) {}

    /**
     * Books a seat. 400 problems for bad input (naming the field), 404 for an unknown center, 409 with the next free
     * days when the day cannot be booked.
     */
    Appointment book(Booking b) {
        if (b.idempotencyKey() != null) {
            var before = byKey(b.idempotencyKey());
            if (before.isPresent()) {
                return before.get();
            }
        }
        var center = centers.get(b.centerId());
        var service = offered(center, b.service());
        if (!customers.exists(b.customerId())) {
            throw CenterProblems.invalid("customerId", "customerId " + b.customerId() + " names no owner.");
        }
        if (b.caseId() != null) {
            var supportCase = cases.find(b.caseId())
                    .orElseThrow(() -> CenterProblems.invalid("caseId", "caseId " + b.caseId() + " names no case."));
            if (supportCase.getCustomerId() != b.customerId()) {
                throw CenterProblems.invalid("caseId", "The case " + b.caseId() + " is another owner's.");
            }
        }
        bookable(center, service, b.day(), b.dropOff());
        seats.ensureRow(center.id(), service, b.day());
        return transaction.execute(tx -> {
            if (!seats.take(center.id(), service, b.day(), center.seats(service))) {
                throw refused(
                        center,
                        service,
                        b.day(),
                        "Full",
                        center.name() + " has no free seat for "
                                + service.label().toLowerCase(Locale.ENGLISH) + " on " + DAY.format(b.day()) + ".");
            }
            var now = clock.instant();
            var key = new GeneratedKeyHolder();
            jdbc.sql("insert into appointment (center_id, customer_id, case_id, service, on_day, drop_off, status,"
                            + " booked_by, booked_at, remind_at, idempotency_key, version) values (:center, :owner,"
                            + " :caseId, :service, :day, :dropOff, 'BOOKED', :by, :now, :remindAt, :key, 0)")
                    .param("center", center.id())
                    .param("owner", b.customerId())
                    .param("caseId", b.caseId())
                    .param("service", service.name())
                    .param("day", b.day())
                    .param("dropOff", b.dropOff())
                    .param("by", b.by().username())
                    .param("now", Timestamp.from(now))
                    .param("remindAt", timestamp(remindAt(center, b.day())))
                    .param("key", b.idempotencyKey())
                    .update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            events.publishEvent(new AppointmentBooked(
                    id,
                    b.customerId(),
                    center.id(),
                    center.name(),
                    service,
                    b.day(),
                    b.caseId(),
                    b.by().username(),
                    now));
            if (b.caseId() != null) {
                cases.addNote(
                        b.caseId(),
                        "Service visit booked: " + service.label() + " at " + center.name() + " on "
                                + DAY.format(b.day()) + (b.dropOff() == null ? "" : ", drop-off " + b.dropOff()) + ".",
                        b.by());
            }
            var booked = get(id);
            if (b.tellOwner()) {
                notices.booked(booked);
            }
            return booked;
        });
    }

    /**
     * Cancels a booked visit and frees its seat; 409 when it is not booked (any more). With {@code tellOwner} (staff
     * cancel it) the owner is told on their channel.
     */
    Appointment cancel(long id, Actor by, boolean tellOwner) {
        return transaction.execute(tx -> {
            var a = get(id);
            requireBooked(a);
            var now = clock.instant();
            int updated = jdbc.sql("update appointment set status = 'CANCELLED', cancelled_at = :now, remind_at = null,"
                            + " version = version + 1 where id = :id and status = 'BOOKED'")
                    .param("now", Timestamp.from(now))
                    .param("id", id)
                    .update();
            if (updated == 0) {
                throw changedMeanwhile();
            }
            seats.release(a.centerId(), a.service(), a.day());
            events.publishEvent(new AppointmentCancelled(
                    id, a.customerId(), a.centerId(), a.service(), a.day(), by.username(), now));
            var cancelled = get(id);
            if (tellOwner) {
                notices.cancelled(cancelled);
            }
            return cancelled;
        });
    }

    /**
     * Moves a booked visit to another day (or drop-off time) at the same center: the new day's seat is taken and the
     * old one freed in one transaction. 409 with the next free days when the new day cannot be booked.
     */
    Appointment reschedule(long id, LocalDate day, LocalTime dropOff, Actor by, boolean tellOwner) {
        var a = get(id);
        requireBooked(a);
        var center = centers.get(a.centerId());
        bookable(center, a.service(), day, dropOff);
        if (!day.equals(a.day())) {
            seats.ensureRow(center.id(), a.service(), day);
        }
        return transaction.execute(tx -> {
            var now = clock.instant();
            int updated = jdbc.sql("update appointment set version = version + 1 where id = :id and status = 'BOOKED'"
                            + " and version = :version")
                    .param("id", id)
                    .param("version", a.version())
                    .update();
            if (updated == 0) {
                throw changedMeanwhile();
            }
            if (!day.equals(a.day())) {
                if (!seats.take(center.id(), a.service(), day, center.seats(a.service()))) {
                    throw refused(
                            center,
                            a.service(),
                            day,
                            "Full",
                            center.name() + " has no free seat for "
                                    + a.service().label().toLowerCase(Locale.ENGLISH) + " on " + DAY.format(day)
                                    + "; your visit stays on " + DAY.format(a.day()) + ".");
                }
                seats.release(center.id(), a.service(), a.day());
            }
            jdbc.sql("update appointment set on_day = :day, drop_off = :dropOff, remind_at = :remindAt, reminded_at ="
                            + " null where id = :id")
                    .param("day", day)
                    .param("dropOff", dropOff)
                    .param("remindAt", timestamp(remindAt(center, day)))
                    .param("id", id)
                    .update();
            var moved = get(id);
            if (!day.equals(a.day())) {
                events.publishEvent(new AppointmentRescheduled(
                        id, a.customerId(), center.id(), a.service(), a.day(), day, by.username(), now));
                if (tellOwner) {
                    notices.moved(moved, a.day());
                }
            }
            return moved;
        });
    }

    /**
     * The center reports the visit done: on time when the car was ready by the booked day's closing time in the
     * center's zone. 409 when it is not booked.
     */
    Appointment complete(long id, Actor by) {
        return transaction.execute(tx -> {
            var a = get(id);
            requireBooked(a);
            var center = centers.get(a.centerId());
            var now = clock.instant();
            var hours = center.hoursOn(a.day());
            var closes = (hours == null
                            ? a.day().plusDays(1).atStartOfDay()
                            : a.day().atTime(hours.closes()))
                    .atZone(center.timeZone())
                    .toInstant();
            boolean onTime = !now.isAfter(closes);
            int updated = jdbc.sql("update appointment set status = 'COMPLETED', completed_at = :now, on_time ="
                            + " :onTime, remind_at = null, version = version + 1 where id = :id and status = 'BOOKED'")
                    .param("now", Timestamp.from(now))
                    .param("onTime", onTime)
                    .param("id", id)
                    .update();
            if (updated == 0) {
                throw changedMeanwhile();
            }
            events.publishEvent(new VisitCompleted(
                    id, a.customerId(), a.caseId(), center.name(), a.service(), a.day(), onTime, now));
            return get(id);
        });
    }

    Appointment get(long id) {
        return find(id).orElseThrow(() -> CenterProblems.problem(
                HttpStatus.NOT_FOUND, "Appointment not found", "There is no appointment with id " + id + "."));
    }

    Optional<Appointment> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where a.id = :id")
                .param("id", id)
                .query(Appointments::appointment)
                .optional();
    }

    /** The owner's appointments, latest day first (appointment_customer_idx). */
    List<Appointment> ofOwner(long customerId, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where a.customer_id = :owner order by a.on_day desc, a.id desc"
                        + " limit :limit")
                .param("owner", customerId)
                .param("limit", limit)
                .query(Appointments::appointment)
                .list();
    }

    private Optional<Appointment> byKey(String key) {
        return jdbc.sql("select " + COLUMNS + FROM + " where a.idempotency_key = :key")
                .param("key", key)
                .query(Appointments::appointment)
                .optional();
    }

    /** The service as offered by the center; a 400 problem naming what it offers otherwise. */
    static ServiceType offered(ServiceCenter center, String service) {
        var type = ServiceType.parse(service)
                .orElseThrow(() -> CenterProblems.invalid(
                        "service",
                        "service is one of " + ServiceType.names() + ", not '"
                                + CenterProblems.clip(String.valueOf(service)) + "'."));
        if (!center.offers(type)) {
            throw CenterProblems.invalid(
                    "service",
                    center.name() + " does not offer " + type + "; it offers "
                            + center.capacity().keySet().stream()
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))
                            + ".");
        }
        return type;
    }

    /** Refuses a day the center cannot take: a 400 problem without a day, a 409 one with the next free days. */
    private void bookable(ServiceCenter center, ServiceType service, LocalDate day, LocalTime dropOff) {
        if (day == null) {
            throw CenterProblems.invalid("day", "day is the date of the visit, such as 2027-03-01.");
        }
        var tomorrow = LocalDate.ofInstant(clock.instant(), center.timeZone()).plusDays(1);
        if (day.isBefore(tomorrow)) {
            throw refused(
                    center,
                    service,
                    day,
                    "Too soon",
                    "Visits are booked from tomorrow on (" + DAY.format(tomorrow) + " at " + center.name() + ").");
        }
        if (day.isAfter(tomorrow.plusDays(properties.maxDays() - 1L))) {
            throw refused(
                    center,
                    service,
                    tomorrow,
                    "Too far ahead",
                    "Visits are booked at most " + properties.maxDays() + " days ahead.");
        }
        var hours = center.hoursOn(day);
        if (hours == null) {
            throw refused(
                    center,
                    service,
                    day,
                    "Closed",
                    center.name() + " is closed on " + DAY.format(day)
                            + (center.holidays().contains(day) ? " (a holiday)." : "."));
        }
        if (dropOff != null && !hours.contains(dropOff)) {
            throw refused(
                    center,
                    service,
                    day,
                    "Outside opening hours",
                    center.name() + " is open from " + hours.opens() + " to " + hours.closes() + " on "
                            + DAY.format(day) + "; a drop-off at " + dropOff + " is outside its hours.");
        }
    }

    /** A 409 problem with the center's next free days from {@code from} (or from tomorrow when none follow it). */
    private ErrorResponseException refused(
            ServiceCenter center, ServiceType service, LocalDate from, String title, String detail) {
        var next = nextFree(center, service, from);
        var e = CenterProblems.problem(
                HttpStatus.CONFLICT,
                title,
                detail
                        + (next.isEmpty()
                                ? " It has no free day in the next " + properties.maxDays() + " days."
                                : " Its next free " + (next.size() == 1 ? "day is " : "days are ")
                                        + next.stream()
                                                .map(s -> DAY.format(s.day()))
                                                .collect(Collectors.joining(", "))
                                        + "."));
        e.getBody().setProperty("centerId", center.id());
        e.getBody().setProperty("service", service.name());
        e.getBody().setProperty("nextFreeSlots", next);
        return e;
    }

    List<Slot> nextFree(ServiceCenter center, ServiceType service, LocalDate from) {
        var tomorrow = LocalDate.ofInstant(clock.instant(), center.timeZone()).plusDays(1);
        var last = tomorrow.plusDays(properties.maxDays() - 1L);
        var start = from == null || from.isBefore(tomorrow) ? tomorrow : from;
        var next = start.isAfter(last)
                ? List.<Slot>of()
                : seats.freeDays(center, service, start, last, properties.firstSlots());
        if (next.isEmpty() && start.isAfter(tomorrow)) {
            next = seats.freeDays(center, service, tomorrow, last, properties.firstSlots());
        }
        return next;
    }

    /** The day before the visit at the reminder time in the center's zone; null when that has passed already. */
    private Instant remindAt(ServiceCenter center, LocalDate day) {
        var at = day.minusDays(1)
                .atTime(properties.reminderTime())
                .atZone(center.timeZone())
                .toInstant();
        return at.isAfter(clock.instant()) ? at : null;
    }

    private static void requireBooked(Appointment a) {
        if (!a.booked()) {
            throw CenterProblems.problem(
                    HttpStatus.CONFLICT,
                    "Not booked",
                    "This visit is " + a.status().toLowerCase(Locale.ENGLISH) + "; only a booked visit changes.");
        }
    }

    private static ErrorResponseException changedMeanwhile() {
        return CenterProblems.problem(
                HttpStatus.CONFLICT,
                "Changed meanwhile",
                "Someone changed this visit at the same moment; look at it again and repeat your change.");
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Appointment appointment(ResultSet rs, int n) throws SQLException {
        long caseId = rs.getLong("case_id");
        Long theCase = rs.wasNull() ? null : caseId;
        boolean onTime = rs.getBoolean("on_time");
        Boolean wasOnTime = rs.wasNull() ? null : onTime;
        var street = rs.getString("street");
        var region = rs.getString("region");
        var address =
                (street == null ? "" : street + ", ") + rs.getString("city") + (region == null ? "" : ", " + region);
        return new Appointment(
                rs.getLong("id"),
                rs.getLong("center_id"),
                rs.getString("center_name"),
                address,
                rs.getLong("customer_id"),
                theCase,
                ServiceType.valueOf(rs.getString("service")),
                rs.getObject("on_day", LocalDate.class),
                rs.getObject("drop_off", LocalTime.class),
                rs.getString("status"),
                rs.getString("booked_by"),
                instant(rs, "booked_at"),
                instant(rs, "cancelled_at"),
                instant(rs, "completed_at"),
                wasOnTime,
                instant(rs, "remind_at"),
                instant(rs, "reminded_at"),
                rs.getLong("version"));
    }
}
