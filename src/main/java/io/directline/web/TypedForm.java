package io.directline.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was typed into a refused form, so the page shows it again in the form it came from. Every page has one in its
 * model as {@code typed}, empty unless a form posted from it was just refused. Templates ask for a field by the
 * form's action: {@code ${typed.value(action, 'body', '')}}.
 *
 * @param action the path the form was posted to
 * @param values the fields as typed (the first value of each), without the CSRF token
 */
public record TypedForm(String action, Map<String, String> values) implements Serializable {

    /** More than any field takes; a longer value is cut, so a session never holds more than this of one field. */
    static final int MAX_KEPT = 100_000;

    static TypedForm none() {
        return new TypedForm(null, Map.of());
    }

    static TypedForm of(HttpServletRequest request) {
        var values = new LinkedHashMap<String, String>();
        request.getParameterMap().forEach((name, given) -> {
            if (!"_csrf".equals(name) && given.length > 0 && given[0] != null) {
                values.put(name, given[0].length() > MAX_KEPT ? given[0].substring(0, MAX_KEPT) : given[0]);
            }
        });
        return new TypedForm(request.getRequestURI(), Map.copyOf(values));
    }

    /** Whether this is what was typed into the form posting to {@code formAction}. */
    public boolean isFor(String formAction) {
        return action != null && action.equals(formAction);
    }

    /** The field as typed into the form posting to {@code formAction}; {@code otherwise} for any other form. */
    public String value(String formAction, String field, String otherwise) {
        return isFor(formAction) ? values.getOrDefault(field, otherwise) : otherwise;
    }
}
