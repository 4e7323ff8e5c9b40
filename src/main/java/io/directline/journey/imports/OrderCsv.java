package io.directline.journey.imports;

import io.directline.journey.InvalidOrderException;
import io.directline.journey.Milestone;
import io.directline.journey.MilestonePlan;
import io.directline.journey.Price;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of an order import and how one row reads. The first line names the columns (any order, any case;
 * unknown columns are refused so a typo is not silently ignored): {@code ref} and {@code owner} (an owner id or an
 * e-mail address) and {@code model} are required; {@code configuration}, {@code region}, {@code postal_code},
 * {@code latitude}, {@code longitude}, {@code tags} (separated by {@code ;}), {@code milestone} (which milestone
 * the dates are of; DELIVERED when left out or empty), {@code promised}, {@code estimate}, {@code actual} (dates as
 * YYYY-MM-DD), {@code reason} (required when an estimate moves), {@code price} (what the order was bought for, such
 * as 84500 or 84500.00; left empty, the order keeps its price) and {@code currency} (USD when left out) are optional. Several rows of one reference set
 * several milestones.
 */
final class OrderCsv {

    static final List<String> REQUIRED = List.of("ref", "owner", "model");
    static final List<String> COLUMNS = List.of(
            "ref",
            "owner",
            "model",
            "configuration",
            "region",
            "postal_code",
            "latitude",
            "longitude",
            "tags",
            "milestone",
            "promised",
            "estimate",
            "actual",
            "reason",
            "price",
            "currency");

    private final Map<String, Integer> index;

    private OrderCsv(Map<String, Integer> index) {
        this.index = index;
    }

    /** A row refused, with the reason a person reads in the report. */
    static final class RowException extends Exception {
        RowException(String message) {
            super(message, null, false, false);
        }
    }

    /** The header line read; throws with a sentence naming what is wrong with it. */
    static OrderCsv header(String[] header) throws RowException {
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < header.length; i++) {
            var name = header[i] == null
                    ? ""
                    : header[i].strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (name.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                throw new RowException(
                        "Unknown column \"" + clip(name) + "\"; the columns are " + String.join(", ", COLUMNS) + ".");
            }
            if (index.put(name, i) != null) {
                throw new RowException("The column \"" + name + "\" is named twice.");
            }
        }
        var missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new RowException("The first line must name the columns; missing: " + String.join(", ", missing)
                    + ". The columns are " + String.join(", ", COLUMNS) + ".");
        }
        return new OrderCsv(index);
    }

    /** One row as read: the owner still to resolve. */
    record Row(
            long line,
            String ref,
            String owner,
            String model,
            String configuration,
            String region,
            String postalCode,
            Double latitude,
            Double longitude,
            Set<String> tags,
            Milestone milestone,
            MilestonePlan plan,
            String reason,
            Price price) {}

    Row read(long line, String[] values) throws RowException {
        var ref = value(values, "ref");
        if (ref == null) {
            throw new RowException("ref is empty.");
        }
        var owner = value(values, "owner");
        if (owner == null) {
            throw new RowException("owner is empty; give the owner's id or e-mail address.");
        }
        var milestoneText = value(values, "milestone");
        Milestone milestone = Milestone.DELIVERED;
        if (milestoneText != null) {
            try {
                milestone =
                        Milestone.valueOf(milestoneText.toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw new RowException("Unknown milestone \"" + clip(milestoneText) + "\"; the milestones are "
                        + Arrays.stream(Milestone.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
            }
        }
        var tagsText = value(values, "tags");
        var tags = new LinkedHashSet<String>();
        if (tagsText != null) {
            for (var tag : tagsText.split(";")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        }
        return new Row(
                line,
                ref,
                owner,
                value(values, "model"),
                value(values, "configuration"),
                value(values, "region"),
                value(values, "postal_code"),
                number(values, "latitude"),
                number(values, "longitude"),
                tags,
                milestone,
                new MilestonePlan(date(values, "promised"), date(values, "estimate"), date(values, "actual")),
                value(values, "reason"),
                price(values));
    }

    private Price price(String[] values) throws RowException {
        var amount = value(values, "price");
        if (amount == null) {
            return null;
        }
        try {
            return new Price(new java.math.BigDecimal(amount.replace(",", "")), value(values, "currency"));
        } catch (NumberFormatException e) {
            throw new RowException("price \"" + clip(amount) + "\" is not an amount; write it as 84500 or 84500.00.");
        } catch (InvalidOrderException e) {
            throw new RowException(e.reason());
        }
    }

    private String value(String[] values, String column) {
        var i = index.get(column);
        if (i == null || i >= values.length || values[i] == null) {
            return null;
        }
        var v = values[i].strip();
        return v.isEmpty() ? null : v;
    }

    private LocalDate date(String[] values, String column) throws RowException {
        var v = value(values, column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new RowException(column + " \"" + clip(v) + "\" is not a date; write it as YYYY-MM-DD.");
        }
    }

    private Double number(String[] values, String column) throws RowException {
        var v = value(values, column);
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
            throw new RowException(column + " \"" + clip(v) + "\" is not a number.");
        }
    }

    static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
