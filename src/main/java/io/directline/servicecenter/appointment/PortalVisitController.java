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

/** The owner books, and cancels, their own service visits on the portal; a booked visit shows on their journey. */
@Controller
class PortalVisitController {

    private final VisitPlanner planner;
    private final Appointments appointments;

    PortalVisitController(VisitPlanner planner, Appointments appointments) {
        this.planner = planner;
        this.appointments = appointments;
    }

    @GetMapping("/portal/service-visits")
    String page(
            @AuthenticationPrincipal DirectLineUser owner,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String near,
            Model model) {
        planner.fill(model, owner.customerId(), service, near);
        model.addAttribute("portal", true);
        model.addAttribute("searchAction", "/portal/service-visits");
        model.addAttribute("bookAction", "/portal/service-visits");
        model.addAttribute("visitBase", "/portal/service-visits/");
        model.addAttribute("caseId", "");
        return "servicecenter/visits";
    }

    @PostMapping("/portal/service-visits")
    String book(
            @AuthenticationPrincipal DirectLineUser owner,
            @RequestParam(required = false) Long center,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String dropOff,
            @RequestParam(required = false) String requestKey,
            RedirectAttributes redirect) {
        if (center == null) {
            throw CenterProblems.invalid("center", "Choose a service center.");
        }
        var booked = appointments.book(new Appointments.Booking(
                center,
                owner.customerId(),
                service,
                VisitPlanner.day(day),
                VisitPlanner.dropOff(dropOff),
                null,
                Actor.of(owner, Channel.PORTAL),
                requestKey == null || requestKey.isBlank()
                        ? null
                        : AppointmentApiController.scopedKey("portal:" + requestKey, owner),
                false));
        redirect.addFlashAttribute(
                "notice",
                "Booked: " + booked.service().label() + " at " + booked.centerName() + " on "
                        + Appointments.DAY.format(booked.day()) + ". It is on your journey below.");
        return "redirect:/portal/orders#service-visits";
    }

    @PostMapping("/portal/service-visits/{id}/cancel")
    String cancel(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, RedirectAttributes redirect) {
        var visit = appointments
                .find(id)
                .filter(a -> a.customerId() == owner.customerId())
                .orElseThrow(() -> CenterProblems.problem(
                        HttpStatus.NOT_FOUND, "Visit not found", "You have no service visit " + id + "."));
        appointments.cancel(visit.id(), Actor.of(owner, Channel.PORTAL), false);
        redirect.addFlashAttribute("notice", "Cancelled your visit on " + Appointments.DAY.format(visit.day()) + ".");
        return "redirect:/portal/service-visits";
    }
}
