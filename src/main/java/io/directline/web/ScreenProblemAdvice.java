package io.directline.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * On the screens, a refused form (an empty reply, a forbidden status change) goes back to the page it
 * came from with the refusal's sentence shown on top, instead of an error page; nothing is lost but
 * the refused change itself.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(2)
class ScreenProblemAdvice {

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView refused(ErrorResponseException e, HttpServletRequest request, RedirectAttributes redirect) {
        String detail = e.getBody().getDetail();
        String back = sameSiteReferer(request);
        if (HttpMethod.POST.matches(request.getMethod()) && back != null) {
            redirect.addFlashAttribute("problem", detail);
            return new ModelAndView("redirect:" + back);
        }
        var view = new ModelAndView("error");
        view.setStatus(e.getStatusCode());
        view.addObject("status", e.getStatusCode().value());
        view.addObject("problem", detail);
        return view;
    }

    private static String sameSiteReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            var uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equals(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            return path == null || !path.startsWith("/")
                    ? null
                    : path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
