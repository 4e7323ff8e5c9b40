package io.directline.channel.email;

import io.directline.channel.intake.PlainText;
import java.util.regex.Pattern;

/**
 * Finds the new text of an e-mail reply: cuts the quoted history off a plain-text or HTML body, in one pass over
 * the text however long it is.
 */
final class QuotedHistory {

    private static final Pattern ATTRIBUTION = Pattern.compile("(?i)^on\\b.{0,400}\\bwrote:?$");
    private static final Pattern ORIGINAL_MESSAGE =
            Pattern.compile("(?i)^-{2,}\\s*(original message|forwarded message)\\s*-{2,}$");
    /** How far into a {@code <div} tag a quote marker ({@code class="gmail_quote"}) is looked for. */
    private static final int MAX_TAG_SCAN = 300;

    private QuotedHistory() {}

    /**
     * The new text of a plain-text reply: quoted lines ({@code >}) dropped, and everything from an
     * "On ... wrote:" attribution or an "-----Original Message-----" separator on cut off. A message
     * that is nothing but quotes keeps its text.
     */
    static String stripQuoted(String text) {
        var lines = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        var kept = new StringBuilder();
        int length = lines.length();
        // one pass over the text, without a string per line: a mail of a million lines costs no more
        for (int start = 0, end; start <= length; start = end + 1) {
            end = lineEnd(lines, start);
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(lines.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(lines.charAt(to - 1))) {
                to--;
            }
            // the patterns only where they can match
            if ((lines.startsWith("--", from)
                            && ORIGINAL_MESSAGE
                                    .matcher(lines.substring(from, to))
                                    .matches())
                    || (lines.regionMatches(true, from, "on", 0, 2)
                            && (lines.regionMatches(true, to - 5, "wrote", 0, 5)
                                    || lines.regionMatches(true, to - 6, "wrote:", 0, 6))
                            && ATTRIBUTION.matcher(lines.substring(from, to)).matches())) {
                break;
            }
            if (lines.regionMatches(true, from, "On ", 0, 3) && end < length) {
                int nextEnd = lineEnd(lines, end + 1);
                if ((to - from) + (nextEnd - end - 1) < 400
                        && lines.substring(end + 1, nextEnd).strip().endsWith("wrote:")) {
                    break;
                }
            }
            if (from < to && lines.charAt(from) == '>') {
                continue;
            }
            kept.append(lines, start, end).append('\n');
        }
        var result = kept.toString().strip();
        return result.isEmpty() ? text.strip() : result;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /**
     * The new part of an HTML reply: cut at the first quote block ({@code <blockquote>}, a Gmail or
     * Thunderbird quote {@code <div>}, Outlook's {@code appendonsend}) or original-message separator.
     */
    static String stripQuotedHtml(String html) {
        int start = quoteStart(html);
        if (start > 0) {
            var head = html.substring(0, start);
            if (!PlainText.of(head).isBlank()) {
                return head;
            }
        }
        return html;
    }

    /**
     * Where the quoted history of an HTML text starts, or -1. One pass, looking at each character a
     * bounded number of times, however hostile the text.
     */
    static int quoteStart(String html) {
        int length = html.length();
        for (int i = 0; i < length; i++) {
            char c = html.charAt(i);
            if (c == '<' && i + 1 < length) {
                char next = (char) (html.charAt(i + 1) | 0x20);
                if ((next == 'b' && html.regionMatches(true, i + 1, "blockquote", 0, 10))
                        || (next == 'd' && html.regionMatches(true, i + 1, "div", 0, 3) && isQuoteDiv(html, i + 4))) {
                    return i;
                }
            } else if (c == '-' && (i == 0 || html.charAt(i - 1) != '-') && isSeparator(html, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the {@code <div} tag going on at {@code from} marks a quote; reads up to its end or the next tag. */
    private static boolean isQuoteDiv(String html, int from) {
        if (from >= html.length() || !Character.isWhitespace(html.charAt(from))) {
            return false;
        }
        int limit = Math.min(html.length(), from + MAX_TAG_SCAN);
        for (int i = from; i < limit; i++) {
            char c = html.charAt(i);
            if (c == '>' || c == '<') {
                return false;
            }
            if (Character.isWhitespace(c)
                    && (attributeStarts(html, i + 1, "class=", "gmail_quote")
                            || attributeStarts(html, i + 1, "class=", "moz-cite-prefix")
                            || attributeStarts(html, i + 1, "id=", "appendonsend"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code name=value}, {@code name="value} or {@code name='value} at {@code at}, ignoring case. */
    private static boolean attributeStarts(String html, int at, String name, String value) {
        if (!html.regionMatches(true, at, name, 0, name.length())) {
            return false;
        }
        int i = at + name.length();
        if (i < html.length() && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
            i++;
        }
        return html.regionMatches(true, i, value, 0, value.length());
    }

    /** "-----Original Message-----" (two dashes or more each side) starting at this run of dashes. */
    private static boolean isSeparator(String html, int from) {
        int i = from;
        while (i < html.length() && html.charAt(i) == '-') {
            i++;
        }
        if (i - from < 2) {
            return false;
        }
        while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
            i++;
        }
        var marker = "original message";
        if (!html.regionMatches(true, i, marker, 0, marker.length())) {
            return false;
        }
        i += marker.length();
        while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
            i++;
        }
        return html.startsWith("--", i);
    }
}
