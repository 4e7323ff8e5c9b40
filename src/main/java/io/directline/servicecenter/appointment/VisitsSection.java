package io.directline.servicecenter.appointment;

import io.directline.customer.OwnerPageSection;
import io.directline.customer.OwnerSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The owner page's service visits, each linking to the page where staff book, move and cancel them. */
@Component
@Order(16)
class VisitsSection implements OwnerPageSection {

    private static final List<String> COLUMNS = List.of("Day", "Service", "Center", "Status");

    private final Appointments appointments;

    VisitsSection(Appointments appointments) {
        this.appointments = appointments;
    }

    @Override
    public OwnerSection sectionFor(long customerId) {
        var link = "/customers/" + customerId + "/service-visits";
        var rows = appointments.ofOwner(customerId, 10).stream()
                .map(a -> {
                    var cells = new LinkedHashMap<String, String>();
                    cells.put("Day", a.day().toString() + (a.dropOff() == null ? "" : " " + a.dropOff()));
                    cells.put("Service", a.service().label());
                    cells.put("Center", a.centerName());
                    cells.put(
                            "Status",
                            Appointment.COMPLETED.equals(a.status())
                                    ? (Boolean.TRUE.equals(a.onTime()) ? "done on time" : "done late")
                                    : a.status().toLowerCase(Locale.ENGLISH));
                    return new OwnerSection.Row(link, cells);
                })
                .toList();
        return new OwnerSection("service-visits", "Service visits", COLUMNS, rows, "No service visit.");
    }
}
