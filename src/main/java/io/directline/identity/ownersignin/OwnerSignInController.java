package io.directline.identity.ownersignin;

import io.directline.identity.DirectLineUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owners' sign-in pages: ask for a code, type it in, or follow the link from the e-mail. Asking always shows the
 * same page. Following a link shows a button that signs in (a POST), so a mail scanner that opens links does not use
 * the link up. A wrong, expired, used or forged code or link gets a friendly page and grants nothing.
 */
@Controller
class OwnerSignInController {

    private final OwnerSignIn signIn;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    OwnerSignInController(OwnerSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/login/owner")
    String askForm() {
        return "identity/owner-sign-in";
    }

    @PostMapping("/login/owner")
    String ask(@RequestParam(required = false) String handle, HttpServletRequest request, Model model) {
        model.addAttribute("handle", handle);
        try {
            signIn.ask(handle, request.getRemoteAddr());
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
            return "identity/owner-sign-in";
        }
        // throttled or not, known or not: the same page
        model.addAttribute("asked", true);
        return "identity/owner-sign-in";
    }

    @PostMapping("/login/owner/code")
    String code(
            @RequestParam(required = false) String handle,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var user = signIn.signInWithCode(handle, code, request.getRemoteAddr());
        if (user.isEmpty()) {
            model.addAttribute("handle", handle);
            model.addAttribute("code", code);
            model.addAttribute("asked", true);
            model.addAttribute(
                    "problem", "This code is wrong, expired or already used. Check it, or ask for a new code.");
            return "identity/owner-sign-in";
        }
        startSession(user.get(), request, response);
        return "redirect:/portal";
    }

    @GetMapping("/login/owner/link")
    String link(@RequestParam(required = false) String t, Model model) {
        model.addAttribute("token", t);
        return "identity/owner-link";
    }

    @PostMapping("/login/owner/link")
    String followLink(
            @RequestParam(required = false) String t,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var followed = signIn.signInWithLink(t, request.getRemoteAddr());
        if (followed.isEmpty()) {
            model.addAttribute("spent", true);
            return "identity/owner-link";
        }
        startSession(followed.get().user(), request, response);
        var caseId = followed.get().caseId();
        return caseId == null ? "redirect:/portal" : "redirect:/portal/cases/" + caseId;
    }

    /** A new session (never the one from before signing in: no session fixation) holding the owner. */
    private void startSession(DirectLineUser user, HttpServletRequest request, HttpServletResponse response) {
        var existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        request.getSession(true);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
