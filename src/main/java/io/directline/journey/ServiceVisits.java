package io.directline.journey;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The service visits of an owner, for their journey timeline. Declared here and implemented by the module that
 * books the visits ({@code servicecenter}), so the journey shows them without depending on it.
 */
public interface ServiceVisits {

    /** The owner's visits, latest day first, at most {@code limit}; one indexed read. */
    List<Visit> ofOwner(long customerId, int limit);

    /**
     * One visit.
     *
     * @param dropOff when the owner brings the car, or null for any time the center is open
     * @param status BOOKED, CANCELLED or COMPLETED
     * @param onTime for a completed visit, whether the car was ready on the booked day; otherwise null
     */
    record Visit(
            long id,
            String center,
            String address,
            String service,
            LocalDate day,
            LocalTime dropOff,
            String status,
            Boolean onTime) {}
}
