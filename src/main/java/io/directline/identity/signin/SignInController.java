package io.directline.identity.signin;

import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. */
@Controller
class SignInController {

    /** Longer than any window a throttle is configured with; a larger number was not written by us. */
    private static final long MAX_WAIT_SECONDS = Duration.ofDays(1).toSeconds();

    /**
     * After a throttled attempt the page says how long to wait, from the seconds in {@code throttled}; anything
     * else there (text someone put in a link) is not shown: the page says only that sign-in is paused.
     */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        if (throttled != null) {
            model.addAttribute("throttledFor", wait(throttled));
        }
        return "web/login";
    }

    private static String wait(String seconds) {
        if (seconds.isEmpty() || seconds.length() > 6 || !seconds.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long value = Long.parseLong(seconds);
        return value < 1 || value > MAX_WAIT_SECONDS
                ? null
                : LoginThrottledException.humanize(Duration.ofSeconds(value));
    }
}
