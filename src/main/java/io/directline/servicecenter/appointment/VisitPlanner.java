package io.directline.servicecenter.appointment;

import io.directline.customer.CustomerManagement;
import io.directline.servicecenter.ServiceType;
import io.directline.servicecenter.center.CenterIndex;
import io.directline.servicecenter.center.Routing;
import io.directline.servicecenter.center.ServiceCenterProperties;
import io.directline.servicecenter.center.ServiceCenters;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the booking pages show (the owner's on the portal, the staff's for an owner): the owner's visits, and for the
 * chosen service the nearest centers with free days, from the owner's address or from a center they choose.
 */
@Component
class VisitPlanner {

    /** A choice in a select. */
    record Choice(String value, String label) {}

    /** A visit in the page's list, with what may be done to it. */
    record Line(long id, String day, String service, String center, String status, boolean booked) {}

    private final Routing routing;
    private final ServiceCenters centers;
    private final CenterIndex index;
    private final CustomerManagement customers;
    private final Appointments appointments;
    private final ServiceCenterProperties properties;

    VisitPlanner(
            Routing routing,
            ServiceCenters centers,
            CenterIndex index,
            CustomerManagement customers,
            Appointments appointments,
            ServiceCenterProperties properties) {
        this.routing = routing;
        this.centers = centers;
        this.index = index;
        this.customers = customers;
        this.appointments = appointments;
        this.properties = properties;
    }

    /** Fills the model for one owner; {@code service} and {@code near} as typed (unknown ones fall back). */
    void fill(Model model, long customerId, String service, String near) {
        var owner = customers.get(customerId);
        var type = ServiceType.parse(service).orElse(ServiceType.TYRES);
        model.addAttribute("ownerName", owner.getName());
        model.addAttribute("service", type.name());
        model.addAttribute(
                "services",
                Arrays.stream(ServiceType.values())
                        .map(t -> new Choice(t.name(), t.label()))
                        .toList());
        var all = centers.all();
        model.addAttribute(
                "nearChoices",
                all.stream()
                        .map(c -> new Choice(String.valueOf(c.id()), c.name() + " (" + c.city() + ")"))
                        .toList());
        Double lat = null;
        Double lon = null;
        String from = null;
        var nearCenter = near == null || near.isBlank() ? null : parseId(near);
        var address = owner.getAddress();
        if (nearCenter != null && index.center(nearCenter) != null) {
            var c = index.center(nearCenter);
            lat = c.latitude();
            lon = c.longitude();
            from = "near " + c.name();
        } else if (address != null && address.latitude() != null && address.longitude() != null) {
            lat = address.latitude();
            lon = address.longitude();
            from = "from the address" + (address.city() == null ? "" : " in " + address.city());
        }
        model.addAttribute("near", nearCenter == null ? "" : String.valueOf(nearCenter));
        model.addAttribute("from", from);
        model.addAttribute(
                "results",
                lat == null
                        ? List.of()
                        : routing.nearest(lat, lon, type, properties.defaultDays(), properties.defaultLimit()));
        model.addAttribute("days", properties.defaultDays());
        model.addAttribute(
                "visits",
                appointments.ofOwner(customerId, 20).stream()
                        .map(a -> new Line(
                                a.id(),
                                Appointments.DAY.format(a.day()) + (a.dropOff() == null ? "" : ", " + a.dropOff()),
                                a.service().label(),
                                a.centerName(),
                                Appointment.COMPLETED.equals(a.status())
                                        ? (Boolean.TRUE.equals(a.onTime()) ? "done on time" : "done late")
                                        : a.status().toLowerCase(Locale.ENGLISH),
                                a.booked()))
                        .toList());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
    }

    String ownerName(long customerId) {
        return customers.get(customerId).getName();
    }

    private static Long parseId(String typed) {
        try {
            return Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A drop-off time as typed (HH:mm), null when left empty; a 400 problem for anything else. */
    static LocalTime dropOff(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(typed.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw io.directline.servicecenter.center.CenterProblems.invalid(
                    "dropOff", "The drop-off time is written 09:30, or left empty for any time the center is open.");
        }
    }

    /** A day as chosen (ISO); a 400 problem for anything else. */
    static java.time.LocalDate day(String typed) {
        try {
            return java.time.LocalDate.parse(typed == null ? "" : typed.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw io.directline.servicecenter.center.CenterProblems.invalid(
                    "day", "Choose the day of the visit, such as 2027-03-01.");
        }
    }
}
