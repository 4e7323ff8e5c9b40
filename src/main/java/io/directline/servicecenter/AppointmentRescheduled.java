package io.directline.servicecenter;

import java.time.Instant;
import java.time.LocalDate;

/** A booked service visit moved to another day at the same center; the old day's seat was freed with it. */
public record AppointmentRescheduled(
        long appointmentId,
        long customerId,
        long centerId,
        ServiceType service,
        LocalDate from,
        LocalDate to,
        String by,
        Instant at) {}
