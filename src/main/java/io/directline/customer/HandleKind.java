package io.directline.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The kinds of handle an owner is known by, each with the rule that makes two spellings of one handle equal. */
public enum HandleKind {
    /** An e-mail address; its lookup key is the address trimmed and lower-cased. */
    EMAIL,
    /** A phone number; its lookup key is its digits, with a leading {@code +} (E.164) when it was given. */
    PHONE,
    /** An X account, by its handle; the key is the handle lower-cased without the leading {@code @}. */
    X,
    /** A Mastodon account ({@code user@instance}); the key is lower-cased without the leading {@code @}. */
    MASTODON;

    /** The longest lookup key and shown value a handle may have. */
    public static final int MAX_LENGTH = 320;

    /**
     * The kind named by {@code text}, whatever its case; an unknown kind is a 400 problem naming the kinds.
     *
     * @throws ErrorResponseException (400) for a blank or unknown kind
     */
    public static HandleKind parse(String text) {
        if (text != null) {
            var wanted = text.strip().toUpperCase(Locale.ROOT);
            for (var kind : values()) {
                if (kind.name().equals(wanted)) {
                    return kind;
                }
            }
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Unknown handle kind '" + (text == null ? "" : text.strip()) + "'; the kinds are "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        problem.setTitle("Unknown handle kind");
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** The kind of handle a channel's sender is known by; empty for the portal, which has none. */
    public static java.util.Optional<HandleKind> of(Channel channel) {
        return switch (channel) {
            case EMAIL -> java.util.Optional.of(EMAIL);
            case SMS, PHONE -> java.util.Optional.of(PHONE);
            case X -> java.util.Optional.of(X);
            case MASTODON -> java.util.Optional.of(MASTODON);
            case PORTAL -> java.util.Optional.empty();
        };
    }

    /**
     * The normalized form under which a handle is stored and found: two spellings of one handle give the same key.
     *
     * @return null when {@code value} is blank or is no handle of this kind (a phone number without digits)
     */
    public String lookupKey(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var v = value.strip();
        return switch (this) {
            case EMAIL -> v.toLowerCase(Locale.ROOT);
            case PHONE -> phoneKey(v);
            case X, MASTODON -> {
                var bare = v.startsWith("@") ? v.substring(1).strip() : v;
                yield bare.isEmpty() ? null : bare.toLowerCase(Locale.ROOT);
            }
        };
    }

    private static String phoneKey(String v) {
        var digits = new StringBuilder();
        v.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        if (digits.isEmpty()) {
            return null;
        }
        if (v.startsWith("+")) {
            return "+" + digits;
        }
        if (v.startsWith("00") && digits.length() > 2) {
            return "+" + digits.substring(2);
        }
        return digits.toString();
    }
}
