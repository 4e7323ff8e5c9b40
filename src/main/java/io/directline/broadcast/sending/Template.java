package io.directline.broadcast.sending;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A broadcast's words with personal fields in braces ({@code {firstName}}, {@code {orderRef}}, {@code {previousDate}},
 * {@code {newDate}}, {@code {reason}}): a subject, the full text (e-mail and portal) and an optional short text (SMS
 * and social direct messages, to which the outbox adds the portal link). A template naming any other field is refused
 * with the fields it may use, so no owner ever reads a brace.
 */
public record Template(String subject, String fullText, String shortText) {

    public static final List<String> FIELDS = List.of("firstName", "orderRef", "previousDate", "newDate", "reason");
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_FULL = 10_000;
    public static final int MAX_SHORT = 280;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final DateTimeFormatter FOR_PEOPLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** Checks the template; throws a 400 problem naming the field that is empty, too long or names an unknown field. */
    public Template {
        subject = required(subject, "subject", MAX_SUBJECT);
        fullText = required(fullText, "fullText", MAX_FULL);
        shortText = shortText == null || shortText.isBlank() ? null : shortText.strip();
        if (shortText != null && shortText.length() > MAX_SHORT) {
            throw BroadcastProblems.invalidField(
                    "shortText",
                    "The short text has " + shortText.length() + " characters; SMS and direct messages take at most "
                            + MAX_SHORT + " before the portal link.");
        }
        check("subject", subject);
        check("fullText", fullText);
        if (shortText != null) {
            check("shortText", shortText);
        }
    }

    /** The personal details one owner's notice is filled in with. */
    public record Personal(
            String firstName, String orderRef, LocalDate previousDate, LocalDate newDate, String reason) {

        Map<String, String> values() {
            return Map.of(
                    "firstName", text(firstName),
                    "orderRef", text(orderRef),
                    "previousDate", date(previousDate),
                    "newDate", date(newDate),
                    "reason", text(reason));
        }
    }

    /** The template filled in for one owner. */
    public record Rendered(String subject, String fullText, String shortText) {}

    public Rendered render(Personal personal) {
        var values = personal.values();
        return new Rendered(
                fill(subject, values), fill(fullText, values), shortText == null ? null : fill(shortText, values));
    }

    /** A date as people write it: "Friday 14 May 2027". */
    public static String date(LocalDate date) {
        return date == null ? "" : FOR_PEOPLE.format(date);
    }

    /** The first word of a name, which is how we greet. */
    public static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return name.strip().split("\\s+", 2)[0];
    }

    private static String fill(String text, Map<String, String> values) {
        return PLACEHOLDER
                .matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(values.get(m.group(1))));
    }

    private static void check(String field, String text) {
        var unknown = new LinkedHashSet<String>();
        var m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw BroadcastProblems.invalidField(
                    field,
                    "The " + label(field) + " names " + String.join(", ", unknown) + ", which "
                            + (unknown.size() == 1 ? "is not a personal field" : "are not personal fields")
                            + "; use {firstName}, {orderRef}, {previousDate}, {newDate} or {reason}.");
        }
    }

    private static String required(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw BroadcastProblems.invalidField(field, "Please write the " + label(field) + ".");
        }
        var stripped = text.strip();
        if (stripped.length() > max) {
            throw BroadcastProblems.invalidField(
                    field, "The " + label(field) + " is " + stripped.length() + " characters; at most " + max + ".");
        }
        return stripped;
    }

    private static String label(String field) {
        return switch (field) {
            case "subject" -> "subject";
            case "fullText" -> "full text";
            default -> "short text";
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
