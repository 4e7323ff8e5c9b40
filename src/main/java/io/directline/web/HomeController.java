package io.directline.web;

import io.directline.identity.DirectLineUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page, which sends each role to its own screen. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal DirectLineUser user) {
        return user != null && user.isStaff() ? "redirect:/inbox" : "redirect:/portal";
    }
}
