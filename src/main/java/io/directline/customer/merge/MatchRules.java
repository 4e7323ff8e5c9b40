package io.directline.customer.merge;

import io.directline.customer.HandleKind;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that say two owners may be one person: the same handle written another way or held as another kind, a
 * handle named in the text of a message, the same name in the same city. Pure functions: the caller looks the keys up.
 */
public final class MatchRules {

    /** Handles read from one message at most: a text full of addresses costs a few lookups, not thousands. */
    public static final int MAX_NAMED = 10;

    private static final Pattern EMAIL =
            Pattern.compile("(?<![\\w.+-])[\\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");
    // not after a letter, digit, + or - (so not a case reference DL-1234567 or the middle of a longer number)
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+-])(\\+|00)?\\d[\\d ()./-]{5,22}\\d(?![\\w])");

    private MatchRules() {}

    /** The e-mail addresses written in a text, as lookup keys, at most {@link #MAX_NAMED}. */
    public static Set<String> emailsIn(String text) {
        var found = new LinkedHashSet<String>();
        if (text == null) {
            return found;
        }
        var m = EMAIL.matcher(text.length() > 20_000 ? text.substring(0, 20_000) : text);
        while (m.find() && found.size() < MAX_NAMED) {
            var address = m.group();
            while (address.endsWith(".")) {
                address = address.substring(0, address.length() - 1);
            }
            found.add(HandleKind.EMAIL.lookupKey(address));
        }
        return found;
    }

    /** The phone numbers (7 to 15 digits) written in a text, as lookup keys, at most {@link #MAX_NAMED}. */
    public static Set<String> phonesIn(String text) {
        var found = new LinkedHashSet<String>();
        if (text == null) {
            return found;
        }
        var m = PHONE.matcher(text.length() > 20_000 ? text.substring(0, 20_000) : text);
        while (m.find() && found.size() < MAX_NAMED) {
            var key = HandleKind.PHONE.lookupKey(m.group());
            var digits = key.startsWith("+") ? key.length() - 1 : key.length();
            if (digits >= 7 && digits <= 15) {
                found.add(key);
            }
        }
        return found;
    }

    /**
     * The lookup keys under which the same phone number may be stored when written another way: with or without
     * {@code +}, with or without a country code of one to three digits, with a national trunk {@code 0}.
     */
    public static Set<String> phoneVariants(String key) {
        var variants = new LinkedHashSet<String>();
        if (key == null || key.isEmpty()) {
            return variants;
        }
        var digits = key.startsWith("+") ? key.substring(1) : key;
        variants.add("+" + digits);
        variants.add(digits);
        if (key.startsWith("+")) {
            for (int cc = 1; cc <= 3 && digits.length() - cc >= 6; cc++) {
                var national = digits.substring(cc);
                variants.add(national);
                variants.add("0" + national);
            }
        } else if (digits.startsWith("0") && digits.length() > 7) {
            variants.add(digits.substring(1));
        }
        variants.remove(key);
        return variants;
    }

    /**
     * The kind of handle that, normalized, may equal a handle of another kind: a Mastodon account
     * {@code user@instance} and the e-mail address {@code user@instance}; null when there is none.
     */
    public static HandleKind crossKind(HandleKind kind) {
        return switch (kind) {
            case EMAIL -> HandleKind.MASTODON;
            case MASTODON -> HandleKind.EMAIL;
            default -> null;
        };
    }

    /** The same name (whatever its case and spacing) in the same city; never true without a city. */
    public static boolean sameNameSameCity(String name, String city, String otherName, String otherCity) {
        return city != null
                && !city.isBlank()
                && otherCity != null
                && squeeze(city).equals(squeeze(otherCity))
                && name != null
                && otherName != null
                && squeeze(name).equals(squeeze(otherName));
    }

    static String squeeze(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
