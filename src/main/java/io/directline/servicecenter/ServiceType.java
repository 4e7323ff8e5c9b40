package io.directline.servicecenter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a service visit is for; a center offers some of them, each with its own seats per day. */
public enum ServiceType {
    TYRES("Tyres"),
    BODY("Body and paint"),
    BATTERY("Battery"),
    SOFTWARE("Software"),
    MAINTENANCE("Maintenance");

    private final String label;

    ServiceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The type named (any case, surrounding blanks ignored); empty for anything else. */
    public static Optional<ServiceType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        var wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }

    /** "TYRES, BODY, BATTERY, SOFTWARE, MAINTENANCE", for refusals. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
