package io.directline.servicecenter.appointment;

import io.directline.cases.Actor;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import io.directline.servicecenter.center.CenterProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Appointments",
        description = "Service visits booked by staff for an owner: a seat of a center's daily capacity for a service"
                + " type. A refused day (full, closed, a holiday, outside the hours) is a 409 with the next free days.")
@RestController
class AppointmentApiController {

    static final int MAX_LISTED = 100;

    private final Appointments appointments;
    private final CustomerManagement customers;

    AppointmentApiController(Appointments appointments, CustomerManagement customers) {
        this.appointments = appointments;
        this.customers = customers;
    }

    /**
     * A visit to book.
     *
     * @param dropOff when the owner brings the car (HH:mm), or left out for any time the center is open
     * @param caseId the case it is booked from (a note records it there), or left out
     */
    record BookingRequest(
            @Schema(example = "42") Long customerId,
            @Schema(example = "TYRES") String service,
            @Schema(example = "2027-03-01") LocalDate day,
            @Schema(example = "09:30") LocalTime dropOff,
            Long caseId) {}

    @Operation(
            summary = "Book a service visit for an owner",
            description = "Takes one seat of the center's capacity for the service on the day. With an Idempotency-Key"
                    + " header a retry returns the first booking. 409 with nextFreeSlots when the day is full, the"
                    + " center is closed (a holiday) or the drop-off is outside its hours.")
    @PostMapping("/api/v1/service-centers/{id}/appointments")
    ResponseEntity<Appointment> book(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) BookingRequest body) {
        if (body == null || body.customerId() == null) {
            throw CenterProblems.invalid("customerId", "Send a JSON body with customerId, service and day.");
        }
        var booked = appointments.book(new Appointments.Booking(
                id,
                body.customerId(),
                body.service(),
                body.day(),
                body.dropOff(),
                body.caseId(),
                Actor.of(user, Channel.PORTAL),
                scopedKey(idempotencyKey, user),
                true));
        return ResponseEntity.status(HttpStatus.CREATED).body(booked);
    }

    @Operation(summary = "One appointment")
    @GetMapping("/api/v1/appointments/{id}")
    Appointment get(@PathVariable long id) {
        return appointments.get(id);
    }

    @Operation(summary = "Cancel a booked visit; its seat is free again (409 when it is not booked)")
    @PostMapping("/api/v1/appointments/{id}/cancel")
    Appointment cancel(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        return appointments.cancel(id, Actor.of(user, Channel.PORTAL), true);
    }

    /** The new day (and drop-off time) of a visit. */
    record RescheduleRequest(
            @Schema(example = "2027-03-02") LocalDate day,
            @Schema(example = "10:00") LocalTime dropOff) {}

    @Operation(
            summary = "Move a booked visit to another day at the same center",
            description = "Takes the new day's seat and frees the old one in one transaction; 409 with nextFreeSlots"
                    + " when the new day cannot be booked (the visit stays where it was).")
    @PostMapping("/api/v1/appointments/{id}/reschedule")
    Appointment reschedule(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestBody(required = false) RescheduleRequest body) {
        if (body == null) {
            throw CenterProblems.invalid("day", "Send a JSON body with the new day.");
        }
        return appointments.reschedule(id, body.day(), body.dropOff(), Actor.of(user, Channel.PORTAL), true);
    }

    @Operation(
            summary = "Report a visit done",
            description = "On time when the car was ready by the booked day's closing time; either way an entry in the"
                    + " owner's experience ledger. 409 when it is not booked.")
    @PostMapping("/api/v1/appointments/{id}/complete")
    Appointment complete(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        return appointments.complete(id, Actor.of(user, Channel.PORTAL));
    }

    @Operation(summary = "An owner's appointments, latest day first")
    @GetMapping("/api/v1/customers/{id}/appointments")
    List<Appointment> ofOwner(@PathVariable long id) {
        customers.get(id);
        return appointments.ofOwner(id, MAX_LISTED);
    }

    static String scopedKey(String idempotencyKey, DirectLineUser user) {
        if (idempotencyKey == null) {
            return null;
        }
        var trimmed = idempotencyKey.strip();
        if (trimmed.isEmpty() || trimmed.length() > Appointments.MAX_KEY) {
            throw CenterProblems.invalid(
                    "Idempotency-Key",
                    "The Idempotency-Key header must hold 1 to " + Appointments.MAX_KEY + " characters.");
        }
        return "appointment:" + user.getUsername() + ":" + trimmed;
    }
}
