package io.directline.identity.ownersettings;

import io.directline.customer.Channel;
import io.directline.customer.OwnerPreferences;
import io.directline.identity.DirectLineUser;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's settings page: preferred channel, quiet hours, time zone, language, and their handles. */
@Controller
class OwnerSettingsController {

    private final OwnerSettings settings;

    OwnerSettingsController(OwnerSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/portal/settings")
    String show(@AuthenticationPrincipal DirectLineUser owner, Model model) {
        model.addAttribute("settings", settings.of(owner.customerId()));
        model.addAttribute("channels", Channel.values());
        return "identity/owner-settings";
    }

    @PostMapping("/portal/settings")
    String change(
            @AuthenticationPrincipal DirectLineUser owner,
            @RequestParam(required = false) Channel preferredChannel,
            @RequestParam(required = false) String quietFrom,
            @RequestParam(required = false) String quietUntil,
            @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) String language,
            RedirectAttributes redirect) {
        settings.change(
                owner.customerId(),
                new OwnerPreferences(preferredChannel, time(quietFrom), time(quietUntil), timeZone, language));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/portal/settings";
    }

    private static LocalTime time(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            var shown = typed.strip().length() > 20 ? typed.strip().substring(0, 20) + "..." : typed.strip();
            var body = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "'" + shown + "' is not a time of day; write it as 22:00.");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
        }
    }
}
