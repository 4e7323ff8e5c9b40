package io.directline.servicecenter.appointment;

import io.directline.servicecenter.ServiceType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A service visit booked at a center for a day.
 *
 * @param dropOff when the owner brings the car, or null for any time the center is open that day
 * @param status BOOKED, CANCELLED or COMPLETED
 * @param onTime for a completed visit, whether the car was ready by the day's closing time; otherwise null
 * @param remindAt when the reminder goes (the day before), while it waits; null once sent or when there is none
 */
record Appointment(
        long id,
        long centerId,
        String centerName,
        String centerAddress,
        long customerId,
        Long caseId,
        ServiceType service,
        LocalDate day,
        LocalTime dropOff,
        String status,
        String bookedBy,
        Instant bookedAt,
        Instant cancelledAt,
        Instant completedAt,
        Boolean onTime,
        Instant remindAt,
        Instant remindedAt,
        long version) {

    static final String BOOKED = "BOOKED";
    static final String CANCELLED = "CANCELLED";
    static final String COMPLETED = "COMPLETED";

    boolean booked() {
        return BOOKED.equals(status);
    }
}
