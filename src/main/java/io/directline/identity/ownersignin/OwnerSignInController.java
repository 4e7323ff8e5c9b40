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
 * the link up. The link of a long answer, for an owner who has no login yet, offers to claim the account instead: a
 * code goes to where the link went (their X or Mastodon account, their phone), and link and code together sign them
 * in and open the case. A wrong, expired, used or forged code or link gets a friendly page and grants nothing.
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
        return linkPage(t, signIn.look(t), model);
    }

    @PostMapping("/login/owner/link")
    String followLink(
            @RequestParam(required = false) String t,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var view = signIn.look(t);
        if (view.offer() == OwnerSignIn.Offer.CLAIM) {
            return linkPage(t, view, model);
        }
        var followed = signIn.signInWithLink(t, request.getRemoteAddr());
        if (followed.isEmpty()) {
            model.addAttribute("spent", true);
            return "identity/owner-link";
        }
        startSession(followed.get().user(), request, response);
        var caseId = followed.get().caseId();
        return caseId == null ? "redirect:/portal" : "redirect:/portal/cases/" + caseId;
    }

    /** Claiming the account from a case link: sends a code to where the link went. */
    @PostMapping("/login/owner/link/claim")
    String sendClaimCode(@RequestParam(required = false) String t, HttpServletRequest request, Model model) {
        var view = signIn.look(t);
        var asked = signIn.sendClaimCode(t, request.getRemoteAddr());
        if (asked.isEmpty()) {
            return linkPage(t, view, model);
        }
        linkPage(t, view, model);
        model.addAttribute("codeSent", true);
        asked.get()
                .retryAfter()
                .ifPresent(wait -> model.addAttribute(
                        "problem",
                        "Too many codes were asked for lately. Try again in "
                                + Math.max(1, (wait.toSeconds() + 59) / 60)
                                + " minutes, or use the code you have."));
        return "identity/owner-link";
    }

    @PostMapping("/login/owner/link/code")
    String claim(
            @RequestParam(required = false) String t,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var claimed = signIn.claim(t, code, request.getRemoteAddr());
        if (claimed.followed().isPresent()) {
            startSession(claimed.followed().get().user(), request, response);
            var caseId = claimed.followed().get().caseId();
            return caseId == null ? "redirect:/portal" : "redirect:/portal/cases/" + caseId;
        }
        if (claimed.linkSpent()) {
            model.addAttribute("spent", true);
            return "identity/owner-link";
        }
        linkPage(t, signIn.look(t), model);
        model.addAttribute("codeSent", true);
        model.addAttribute("code", code);
        model.addAttribute(
                "problem", "This code is wrong, expired or already used. Check it, or send yourself a new code.");
        return "identity/owner-link";
    }

    private static String linkPage(String token, OwnerSignIn.LinkView view, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("spent", view.offer() == OwnerSignIn.Offer.SPENT);
        model.addAttribute("claim", view.offer() == OwnerSignIn.Offer.CLAIM);
        model.addAttribute("where", view.where());
        return "identity/owner-link";
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
