package io.directline.servicecenter.center;

import io.directline.identity.DirectLineUser;
import io.directline.servicecenter.CenterDetails;
import io.directline.servicecenter.ServiceType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin screen of the service centers: every center with its hours, services and mobile service, and a form to add
 * one or change one. A refused change comes back with its sentence and what was typed.
 */
@Controller
class CenterPageController {

    private final ServiceCenters centers;

    CenterPageController(ServiceCenters centers) {
        this.centers = centers;
    }

    /** A center as the list shows it. */
    record Line(long id, String name, String address, String hours, String services, String mobile, String updated) {}

    /** The form's values: the center being changed, or empty ones for a new center. */
    record Form(
            String id,
            String version,
            String name,
            String street,
            String city,
            String region,
            String postalCode,
            String country,
            String latitude,
            String longitude,
            String timeZone,
            Map<String, String> hours,
            String holidays,
            Map<String, String> capacity,
            String mobileRadiusMiles,
            String vans) {}

    @GetMapping("/admin/service-centers")
    String list(@RequestParam(required = false) String edit, Model model) {
        var all = centers.all();
        model.addAttribute(
                "centers", all.stream().map(CenterPageController::line).toList());
        ServiceCenter editing = null;
        if (edit != null) {
            editing = all.stream()
                    .filter(c -> String.valueOf(c.id()).equals(edit.strip()))
                    .findFirst()
                    .orElse(null);
        }
        model.addAttribute("editing", editing != null);
        model.addAttribute("form", form(editing));
        model.addAttribute(
                "weekdays", Arrays.stream(DayOfWeek.values()).map(Enum::name).toList());
        model.addAttribute(
                "services", Arrays.stream(ServiceType.values()).map(Enum::name).toList());
        model.addAttribute(
                "serviceLabels",
                Arrays.stream(ServiceType.values())
                        .collect(Collectors.toMap(Enum::name, ServiceType::label, (a, b) -> a, LinkedHashMap::new)));
        return "servicecenter/centers";
    }

    @PostMapping("/admin/service-centers")
    String save(
            @AuthenticationPrincipal DirectLineUser user,
            @RequestParam Map<String, String> fields,
            RedirectAttributes redirect) {
        var hours = new LinkedHashMap<String, String>();
        for (var day : DayOfWeek.values()) {
            hours.put(day.name(), fields.getOrDefault("hours_" + day.name(), ""));
        }
        var capacity = new LinkedHashMap<String, Integer>();
        for (var type : ServiceType.values()) {
            capacity.put(type.name(), whole(fields.get("capacity_" + type.name()), "capacity_" + type.name(), 0));
        }
        var details = new CenterDetails(
                fields.get("name"),
                fields.get("street"),
                fields.get("city"),
                fields.get("region"),
                fields.get("postalCode"),
                fields.get("country"),
                degrees(fields.get("latitude"), "latitude"),
                degrees(fields.get("longitude"), "longitude"),
                fields.get("timeZone"),
                hours,
                holidays(fields.get("holidays")),
                capacity,
                whole(fields.get("mobileRadiusMiles"), "mobileRadiusMiles", 0),
                whole(fields.get("vans"), "vans", 0),
                fields.get("version") == null || fields.get("version").isBlank()
                        ? null
                        : (long) whole(fields.get("version"), "version", 0));
        var id = fields.get("id");
        ServiceCenter saved = id == null || id.isBlank()
                ? centers.create(details, user.getUsername())
                : centers.update(whole(id, "id", 0), details, user.getUsername());
        redirect.addFlashAttribute("notice", "Saved the service center '" + saved.name() + "'.");
        return "redirect:/admin/service-centers";
    }

    private static Line line(ServiceCenter c) {
        var hours = c.openingHours().entrySet().stream()
                .map(e -> e.getKey().name().substring(0, 1)
                        + e.getKey().name().substring(1, 3).toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        var services = c.capacity().entrySet().stream()
                .map(e -> e.getKey().label() + " " + e.getValue() + "/day")
                .collect(Collectors.joining(", "));
        var mobile = c.vans() > 0 && c.mobileRadiusMiles() > 0
                ? c.vans() + (c.vans() == 1 ? " van" : " vans") + ", " + c.mobileRadiusMiles() + " mi"
                : "none";
        return new Line(c.id(), c.name(), c.address(), hours, services, mobile, c.updatedBy());
    }

    private static Form form(ServiceCenter c) {
        var hours = new LinkedHashMap<String, String>();
        var capacity = new LinkedHashMap<String, String>();
        for (var day : DayOfWeek.values()) {
            var h = c == null
                    ? (day.getValue() <= 5 ? "08:00-18:00" : day == DayOfWeek.SATURDAY ? "09:00-13:00" : "")
                    : c.openingHours().containsKey(day)
                            ? c.openingHours().get(day).toString()
                            : "";
            hours.put(day.name(), h);
        }
        for (var type : ServiceType.values()) {
            capacity.put(type.name(), c == null ? "0" : String.valueOf(c.seats(type)));
        }
        if (c == null) {
            return new Form(
                    "", "", "", "", "", "", "", "US", "", "", "America/New_York", hours, "", capacity, "0", "0");
        }
        return new Form(
                String.valueOf(c.id()),
                String.valueOf(c.version()),
                c.name(),
                c.street() == null ? "" : c.street(),
                c.city(),
                c.region() == null ? "" : c.region(),
                c.postalCode() == null ? "" : c.postalCode(),
                c.country(),
                String.valueOf(c.latitude()),
                String.valueOf(c.longitude()),
                c.timeZone().getId(),
                hours,
                c.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(", ")),
                capacity,
                String.valueOf(c.mobileRadiusMiles()),
                String.valueOf(c.vans()));
    }

    private static Double degrees(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(typed.strip());
        } catch (NumberFormatException e) {
            throw CenterProblems.invalid(
                    field,
                    field + " is a number of degrees, such as 42.3601, not '" + CenterProblems.clip(typed.strip())
                            + "'.");
        }
    }

    private static int whole(String typed, String field, int otherwise) {
        if (typed == null || typed.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw CenterProblems.invalid(
                    field, field + " is a whole number, not '" + CenterProblems.clip(typed.strip()) + "'.");
        }
    }

    private static List<LocalDate> holidays(String typed) {
        var out = new ArrayList<LocalDate>();
        if (typed == null || typed.isBlank()) {
            return out;
        }
        for (var part : typed.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(LocalDate.parse(part.strip()));
            } catch (DateTimeParseException e) {
                throw CenterProblems.invalid(
                        "holidays", "holidays are dates such as 2026-12-25, not '" + CenterProblems.clip(part) + "'.");
            }
        }
        return out;
    }
}
