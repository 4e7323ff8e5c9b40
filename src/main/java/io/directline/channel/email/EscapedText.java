package io.directline.channel.email;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Text as a case message stores it, HTML-escaped and measured in UTF-8 bytes: shortened to a limit at the end of a
 * paragraph, line or word, and sizes said as people read them.
 */
final class EscapedText {

    /** How far back from the cut a shortened text looks for the end of a paragraph, line or word. */
    private static final int BOUNDARY_SEARCH = 4 * 1024;

    private EscapedText() {}

    /**
     * The first part of a plain text that, escaped, takes at most {@code maxBytes}: cut at the last
     * paragraph break before that point, else the last line break, else the last space, when one is near
     * enough; else right there (never inside a character).
     */
    static String shorten(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int cost = escapedLength(codePoint);
            if (bytes + cost > maxBytes) {
                break;
            }
            bytes += cost;
            end += Character.charCount(codePoint);
        }
        if (end == text.length()) {
            return text;
        }
        int floor = Math.max(0, end - BOUNDARY_SEARCH);
        int cut = text.lastIndexOf("\n\n", end - 2);
        if (cut <= floor) {
            cut = text.lastIndexOf('\n', end - 1);
        }
        if (cut <= floor) {
            cut = lastWhitespace(text, end, floor);
        }
        return text.substring(0, cut > floor ? cut : end).stripTrailing();
    }

    private static int lastWhitespace(String text, int end, int floor) {
        for (int i = end - 1; i > floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** HTML-escaped for the stored text: only the characters HTML gives a meaning to. */
    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    static int escapedLength(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += escapedLength(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    /** What one character takes once escaped, in UTF-8 bytes. */
    static int escapedLength(int codePoint) {
        return switch (codePoint) {
            case '<', '>' -> 4; // &lt; &gt;
            case '&', '\'' -> 5; // &amp; &#39;
            case '"' -> 6; // &quot;
            default -> codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        };
    }

    static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
