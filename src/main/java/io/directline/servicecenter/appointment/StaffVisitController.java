package io.directline.servicecenter.appointment;

import io.directline.cases.Actor;
import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;
import io.directline.servicecenter.center.CenterProblems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff book a service visit for an owner (from the owner page, or from a case, which then gets a note), cancel one,
 * or report one done.
 */
@Controller
class StaffVisitController {

    private final VisitPlanner planner;
    private final Appointments appointments;

    StaffVisitController(VisitPlanner planner, Appointments appointments) {
        this.planner = planner;
        this.appointments = appointments;
    }

    @GetMapping("/customers/{id}/service-visits")
    String page(
            @PathVariable long id,
            @RequestParam(name = "case", required = false) String caseId,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String near,
            Model model) {
        planner.fill(model, id, service, near);
        var base = "/customers/" + id + "/service-visits";
        model.addAttribute("portal", false);
        model.addAttribute("customerId", id);
        model.addAttribute("searchAction", base);
        model.addAttribute("bookAction", base);
        model.addAttribute("visitBase", base + "/");
        model.addAttribute("caseId", caseId == null || !caseId.strip().matches("\\d{1,18}") ? "" : caseId.strip());
        return "servicecenter/visits";
    }

    @PostMapping("/customers/{id}/service-visits")
    String book(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestParam(required = false) Long center,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String dropOff,
            @RequestParam(name = "case", required = false) Long caseId,
            @RequestParam(required = false) String requestKey,
            RedirectAttributes redirect) {
        if (center == null) {
            throw CenterProblems.invalid("center", "Choose a service center.");
        }
        var booked = appointments.book(new Appointments.Booking(
                center,
                id,
                service,
                VisitPlanner.day(day),
                VisitPlanner.dropOff(dropOff),
                caseId,
                Actor.of(user, Channel.PORTAL),
                requestKey == null || requestKey.isBlank()
                        ? null
                        : AppointmentApiController.scopedKey("screen:" + requestKey, user),
                true));
        redirect.addFlashAttribute(
                "notice",
                "Booked for " + planner.ownerName(id) + ": " + booked.service().label() + " at " + booked.centerName()
                        + " on " + Appointments.DAY.format(booked.day()) + ".");
        return "redirect:/customers/" + id + "/service-visits" + (caseId == null ? "" : "?case=" + caseId);
    }

    @PostMapping("/customers/{id}/service-visits/{visit}/cancel")
    String cancel(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @PathVariable long visit,
            RedirectAttributes redirect) {
        var a = ofOwner(id, visit);
        appointments.cancel(a.id(), Actor.of(user, Channel.PORTAL), true);
        redirect.addFlashAttribute("notice", "Cancelled the visit on " + Appointments.DAY.format(a.day()) + ".");
        return "redirect:/customers/" + id + "/service-visits";
    }

    @PostMapping("/customers/{id}/service-visits/{visit}/complete")
    String complete(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @PathVariable long visit,
            RedirectAttributes redirect) {
        var a = ofOwner(id, visit);
        var done = appointments.complete(a.id(), Actor.of(user, Channel.PORTAL));
        redirect.addFlashAttribute(
                "notice",
                "Reported the visit on " + Appointments.DAY.format(a.day()) + " done"
                        + (Boolean.TRUE.equals(done.onTime()) ? " on time." : ", later than the day booked."));
        return "redirect:/customers/" + id + "/service-visits";
    }

    private Appointment ofOwner(long customerId, long visit) {
        return appointments
                .find(visit)
                .filter(a -> a.customerId() == customerId)
                .orElseThrow(() -> CenterProblems.problem(
                        HttpStatus.NOT_FOUND,
                        "Visit not found",
                        "The owner " + customerId + " has no service visit " + visit + "."));
    }
}
