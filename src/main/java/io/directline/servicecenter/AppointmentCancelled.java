package io.directline.servicecenter;

import java.time.Instant;
import java.time.LocalDate;

/** A booked service visit was cancelled; its seat is free again. */
public record AppointmentCancelled(
        long appointmentId,
        long customerId,
        long centerId,
        ServiceType service,
        LocalDate day,
        String by,
        Instant at) {}
