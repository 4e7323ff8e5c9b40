package io.directline.channel;

import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Plain text from the sanitized HTML a message is stored as, for channels that carry no markup. */
public final class PlainText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>|</h[1-6]>|</tr>");
    private static final Pattern TAGS = Pattern.compile("<[^>]{0,2000}>");

    private PlainText() {}

    public static String of(String html) {
        if (html == null) {
            return "";
        }
        var withBreaks = BREAKS.matcher(html).replaceAll("\n");
        var text = HtmlUtils.htmlUnescape(TAGS.matcher(withBreaks).replaceAll(""));
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }
}
