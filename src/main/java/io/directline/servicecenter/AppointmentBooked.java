package io.directline.servicecenter;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A service visit was booked for an owner.
 *
 * @param caseId the case it was booked from, or null
 * @param bookedBy the username of who booked it (the owner on the portal, or an agent)
 */
public record AppointmentBooked(
        long appointmentId,
        long customerId,
        long centerId,
        String centerName,
        ServiceType service,
        LocalDate day,
        Long caseId,
        String bookedBy,
        Instant at) {}
