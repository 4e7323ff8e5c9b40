package io.directline.web;

import jakarta.servlet.http.HttpServletRequest;
import java.beans.PropertyEditorSupport;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * On the screens, a refused form (an empty reply, a forbidden status change, a team name too long, a field left out,
 * a word where a number belongs, a change that crossed another) goes back to the page it came from with the
 * refusal's sentence shown on top and what was typed back in the form, instead of an error page; nothing is lost but
 * the refused change itself. The API's refusals are {@link ProblemDetailsAdvice}'s, which comes first.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(2)
class ScreenProblemAdvice {

    static final String CHANGED_MEANWHILE =
            "Someone changed this at the same moment; what you typed is kept below — check the page and send again.";

    /**
     * Nobody types a NUL character, and PostgreSQL stores none in text: form fields and query parameters lose theirs
     * rather than fail deep down.
     */
    @InitBinder
    void withoutNulCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null ? null : text.replace("\u0000", ""));
            }
        });
    }

    /** Every page has what was typed, empty unless a form of it was just refused (then the flash holds it). */
    @ModelAttribute("typed")
    TypedForm typed() {
        return TypedForm.none();
    }

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView refused(ErrorResponseException e, HttpServletRequest request, RedirectAttributes redirect) {
        return back(e.getStatusCode(), e.getBody().getDetail(), request, redirect);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(
            MissingServletRequestParameterException e, HttpServletRequest request, RedirectAttributes redirect) {
        return back(HttpStatus.BAD_REQUEST, "Please fill in " + e.getParameterName() + ".", request, redirect);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request, RedirectAttributes redirect) {
        Class<?> type = e.getRequiredType();
        if (type != null && Collection.class.isAssignableFrom(type)) {
            type = ResolvableType.forMethodParameter(e.getParameter())
                    .asCollection()
                    .resolveGeneric(0);
        }
        return back(
                HttpStatus.BAD_REQUEST,
                e.getName() + " must be " + expected(type) + ", not '" + clip(String.valueOf(e.getValue())) + "'.",
                request,
                redirect);
    }

    /** A form bound to an object (the SLA policy form) with a field that does not fit its type. */
    @ExceptionHandler(BindException.class)
    ModelAndView unbound(BindException e, HttpServletRequest request, RedirectAttributes redirect) {
        String detail = e.getFieldErrors().stream()
                .map(ScreenProblemAdvice::sentence)
                .distinct()
                .collect(Collectors.joining("; "));
        return back(
                HttpStatus.BAD_REQUEST, detail.isEmpty() ? "Please check the form." : detail + ".", request, redirect);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView invalid(HandlerMethodValidationException e, HttpServletRequest request, RedirectAttributes redirect) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(error -> r.getMethodParameter().getParameterName() + " " + error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return back(HttpStatus.BAD_REQUEST, detail + ".", request, redirect);
    }

    @ExceptionHandler({ConcurrencyFailureException.class, DuplicateKeyException.class})
    ModelAndView changedMeanwhile(RuntimeException e, HttpServletRequest request, RedirectAttributes redirect) {
        return back(HttpStatus.CONFLICT, CHANGED_MEANWHILE, request, redirect);
    }

    /**
     * A refused form goes back to its page with the sentence and what was typed; anything else (a page that is not
     * there, a form without a page to go back to, a failure of ours) shows the sentence on the error page, with the
     * status.
     */
    private static ModelAndView back(
            HttpStatusCode status, String detail, HttpServletRequest request, RedirectAttributes redirect) {
        String back = sameSiteReferer(request);
        if (HttpMethod.POST.matches(request.getMethod())
                && back != null
                && status.is4xxClientError()
                && status.value() != 404) {
            redirect.addFlashAttribute("problem", detail);
            redirect.addFlashAttribute("typed", TypedForm.of(request));
            return new ModelAndView("redirect:" + back);
        }
        var view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("problem", detail);
        return view;
    }

    private static String sentence(FieldError error) {
        if (error.isBindingFailure()) {
            var type = error.getRejectedValue() == null ? null : fieldType(error);
            return error.getField() + " must be " + expected(type) + ", not '"
                    + clip(String.valueOf(error.getRejectedValue())) + "'";
        }
        return error.getField() + " " + error.getDefaultMessage();
    }

    private static Class<?> fieldType(FieldError error) {
        try {
            return error.unwrap(org.springframework.beans.TypeMismatchException.class)
                    .getRequiredType();
        } catch (IllegalArgumentException notAMismatch) {
            return null;
        }
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.getSimpleName().startsWith("Local")) {
            return "a date and time such as 2026-11-01T09:30";
        }
        return "a " + type.getSimpleName();
    }

    private static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
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
