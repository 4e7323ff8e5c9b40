package io.directline.channel.intake;

import java.util.Locale;
import java.util.Set;
import org.springframework.web.util.HtmlUtils;

/**
 * Plain text from the sanitized HTML a message is stored as, for channels that carry no markup. Reads the
 * HTML once from start to end, so the work grows with its length and nothing else: a mail of ten
 * megabytes of {@code <} costs no more than ten megabytes of letters.
 */
public final class PlainText {

    /** Tags after which the text goes on on a new line. */
    private static final Set<String> BREAKS =
            Set.of("br", "/p", "/div", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/tr");

    private PlainText() {}

    public static String of(String html) {
        if (html == null) {
            return "";
        }
        var text = new StringBuilder(html.length());
        int length = html.length();
        // set once no '>' is left after some point: every later '<' is then plain text
        boolean noTagEnd = false;
        int i = 0;
        while (i < length) {
            char c = html.charAt(i);
            if (c != '<' || noTagEnd || i + 1 >= length || !opensTag(html.charAt(i + 1))) {
                text.append(c);
                i++;
                continue;
            }
            int end = html.indexOf('>', i + 1);
            if (end < 0) {
                noTagEnd = true;
                text.append(c);
                i++;
                continue;
            }
            if (BREAKS.contains(tagName(html, i + 1, end))) {
                text.append('\n');
            }
            i = end + 1;
        }
        return collapseBlankLines(HtmlUtils.htmlUnescape(text.toString())).strip();
    }

    /** A '<' followed by a letter, '/', '!' or '?' starts a tag, as in a browser; any other is text. */
    private static boolean opensTag(char next) {
        return next == '/' || next == '!' || next == '?' || (next < 128 && Character.isLetter(next));
    }

    /** The tag's name, lower case, with its '/' when it closes an element: "br", "/p". */
    private static String tagName(String html, int from, int end) {
        int i = from;
        if (i < end && html.charAt(i) == '/') {
            i++;
        }
        int nameEnd = i;
        while (nameEnd < end && nameEnd - i < 10 && Character.isLetterOrDigit(html.charAt(nameEnd))) {
            nameEnd++;
        }
        return html.substring(from, nameEnd).toLowerCase(Locale.ROOT);
    }

    /** At most one blank line in a row. */
    private static String collapseBlankLines(String text) {
        var out = new StringBuilder(text.length());
        int newlines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            newlines = c == '\n' ? newlines + 1 : 0;
            if (newlines <= 2) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
