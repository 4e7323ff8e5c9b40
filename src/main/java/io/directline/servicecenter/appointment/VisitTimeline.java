package io.directline.servicecenter.appointment;

import io.directline.journey.ServiceVisits;
import java.util.List;
import org.springframework.stereotype.Component;

/** The owner's visits as their journey timeline shows them. */
@Component
class VisitTimeline implements ServiceVisits {

    private final Appointments appointments;

    VisitTimeline(Appointments appointments) {
        this.appointments = appointments;
    }

    @Override
    public List<Visit> ofOwner(long customerId, int limit) {
        return appointments.ofOwner(customerId, limit).stream()
                .map(a -> new Visit(
                        a.id(),
                        a.centerName(),
                        a.centerAddress(),
                        a.service().label(),
                        a.day(),
                        a.dropOff(),
                        a.status(),
                        a.onTime()))
                .toList();
    }
}
