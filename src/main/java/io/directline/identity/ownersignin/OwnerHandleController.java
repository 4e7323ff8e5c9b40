package io.directline.identity.ownersignin;

import io.directline.identity.DirectLineUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * On the owner's settings page: add an e-mail address or phone number (a code is sent to it) and prove it with that
 * code. A refusal (not a handle, another owner's, asked too often, a wrong code) goes back to the page with its
 * sentence and what was typed.
 */
@Controller
class OwnerHandleController {

    private final OwnerSignIn signIn;

    OwnerHandleController(OwnerSignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping("/portal/settings/handles")
    String add(
            @AuthenticationPrincipal DirectLineUser owner,
            @RequestParam(required = false) String handle,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        OwnerSignIn.Adding added;
        try {
            added = signIn.addHandle(owner.customerId(), null, handle, request.getRemoteAddr());
        } catch (IllegalArgumentException e) {
            throw refusal(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (added.retryAfter().isPresent()) {
            throw refusal(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many codes were asked for lately. Try again in "
                            + Math.max(1, (added.retryAfter().get().toSeconds() + 59) / 60) + " minutes.");
        }
        if (added.elsewhere()) {
            throw refusal(HttpStatus.CONFLICT, OwnerSignIn.elsewhere(handle));
        }
        if (added.handle().verified()) {
            redirect.addFlashAttribute("handleNotice", added.handle().value() + " is verified already.");
        } else {
            redirect.addFlashAttribute(
                    "handleNotice",
                    "We sent a code to " + added.handle().value() + ". Enter it next to the address below.");
        }
        return "redirect:/portal/settings";
    }

    @PostMapping("/portal/settings/handles/{id}/verify")
    String verify(
            @AuthenticationPrincipal DirectLineUser owner,
            @PathVariable long id,
            @RequestParam(required = false) String code,
            RedirectAttributes redirect) {
        var handle = signIn.verifyHandle(owner.customerId(), id, code)
                .orElseThrow(() -> refusal(HttpStatus.NOT_FOUND, "You have no handle " + id + "."));
        if (!handle.verified()) {
            throw refusal(
                    HttpStatus.BAD_REQUEST,
                    "This code is wrong, expired or already used. Check it, or add the address again for a new code.");
        }
        redirect.addFlashAttribute("handleNotice", handle.value() + " is verified: it is yours on your account now.");
        return "redirect:/portal/settings";
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        return new ErrorResponseException(status, body, null);
    }
}
