package io.directline.servicecenter;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A service visit was done.
 *
 * @param onTime the car was ready by the closing time of the booked day (in the center's time zone)
 */
public record VisitCompleted(
        long appointmentId,
        long customerId,
        Long caseId,
        String centerName,
        ServiceType service,
        LocalDate day,
        boolean onTime,
        Instant completedAt) {}
