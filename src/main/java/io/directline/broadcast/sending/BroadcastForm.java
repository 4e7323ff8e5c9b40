package io.directline.broadcast.sending;

import io.directline.journey.Milestone;
import io.directline.journey.Segment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The "new broadcast" form as typed: every field a string, read into a segment and a template with a sentence for
 * each field that does not fit (a word where a number or a date belongs, an unknown milestone).
 */
record BroadcastForm(
        String model,
        String region,
        String postalPrefix,
        String latitude,
        String longitude,
        String withinKm,
        String milestone,
        String promisedFrom,
        String promisedTo,
        String tags,
        String subject,
        String fullText,
        String shortText) {

    static BroadcastForm of(Map<String, String> values) {
        return new BroadcastForm(
                values.get("model"),
                values.get("region"),
                values.get("postalPrefix"),
                values.get("latitude"),
                values.get("longitude"),
                values.get("withinKm"),
                values.get("milestone"),
                values.get("promisedFrom"),
                values.get("promisedTo"),
                values.get("tags"),
                values.get("subject"),
                values.get("fullText"),
                values.get("shortText"));
    }

    Map<String, String> values() {
        var values = new LinkedHashMap<String, String>();
        values.put("model", orEmpty(model));
        values.put("region", orEmpty(region));
        values.put("postalPrefix", orEmpty(postalPrefix));
        values.put("latitude", orEmpty(latitude));
        values.put("longitude", orEmpty(longitude));
        values.put("withinKm", orEmpty(withinKm));
        values.put("milestone", orEmpty(milestone));
        values.put("promisedFrom", orEmpty(promisedFrom));
        values.put("promisedTo", orEmpty(promisedTo));
        values.put("tags", orEmpty(tags));
        values.put("subject", orEmpty(subject));
        values.put("fullText", orEmpty(fullText));
        values.put("shortText", orEmpty(shortText));
        return values;
    }

    Segment segment() {
        return new Segment(
                text(model),
                text(region),
                text(postalPrefix),
                number(latitude, "latitude"),
                number(longitude, "longitude"),
                number(withinKm, "withinKm"),
                parsedMilestone(),
                date(promisedFrom, "promisedFrom"),
                date(promisedTo, "promisedTo"),
                tags == null || tags.isBlank()
                        ? null
                        : Arrays.stream(tags.split(","))
                                .map(String::strip)
                                .filter(t -> !t.isEmpty())
                                .collect(Collectors.toSet()));
    }

    Template template() {
        return new Template(subject, fullText, shortText);
    }

    /** The template, or null while nothing of it is written yet (a preview of the segment alone). */
    Template templateIfAny() {
        return text(subject) == null && text(fullText) == null && text(shortText) == null ? null : template();
    }

    private Milestone parsedMilestone() {
        var value = text(milestone);
        if (value == null) {
            return null;
        }
        try {
            return Milestone.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw BroadcastProblems.invalidField(
                    "milestone",
                    "There is no milestone '" + clip(value) + "'; the milestones are "
                            + Arrays.stream(Milestone.values()).map(Enum::name).collect(Collectors.joining(", "))
                            + ".");
        }
    }

    private static Double number(String value, String field) {
        var v = text(value);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw BroadcastProblems.invalidField(field, field + " must be a number, not '" + clip(v) + "'.");
        }
    }

    private static LocalDate date(String value, String field) {
        var v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw BroadcastProblems.invalidField(
                    field, field + " must be a date like 2027-03-31, not '" + clip(v) + "'.");
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
