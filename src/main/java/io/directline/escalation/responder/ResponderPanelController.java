package io.directline.escalation.responder;

import io.directline.identity.DirectLineUser;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "who answers you" panel of the owner's case page, which loads it by htmx: who answers now, the owner's choice
 * and what they were told, and buttons to ask for the agent they dealt with before, a supervisor, or the team.
 */
@Controller
class ResponderPanelController {

    private final ResponderRequests responders;

    ResponderPanelController(ResponderRequests responders) {
        this.responders = responders;
    }

    @GetMapping("/portal/cases/{id}/responder")
    String panel(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, Model model) {
        model.addAttribute("panel", responders.panel(id, owner));
        return "escalation/responder-panel :: panel";
    }

    /**
     * htmx swaps in the panel with the outcome; a refusal the owner can act on (nobody to ask for, a closed case) is
     * shown in it. Without htmx the browser goes back to the case page.
     */
    @PostMapping("/portal/cases/{id}/responder")
    String choose(
            @AuthenticationPrincipal DirectLineUser owner,
            @PathVariable long id,
            @RequestParam(name = "responder", defaultValue = "") String responder,
            @RequestParam(name = "wait", defaultValue = "false") boolean wait,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        String problem = null;
        try {
            var kind = ResponderKind.valueOf(responder.strip().toUpperCase(Locale.ROOT));
            responders.request(id, owner, kind, wait);
        } catch (IllegalArgumentException e) {
            problem = "Please choose the agent you dealt with before, a supervisor, or our team.";
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            problem = e.getBody().getDetail();
        }
        if (!"true".equals(htmx)) {
            if (problem != null) {
                redirect.addFlashAttribute("problem", problem);
            }
            return "redirect:/portal/cases/" + id;
        }
        model.addAttribute("refusal", problem);
        return panel(owner, id, model);
    }
}
