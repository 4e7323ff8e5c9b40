package io.directline.channel.outbox;

import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Fits an answer into a network's length limit, and keeps personal data out of public posts.
 *
 * <p>An answer that is too long is not split into a thread of numbered parts: it is cut at a word
 * boundary and ends with a link to the case in the portal, where the owner reads all of it. One post
 * keeps a public timeline readable, and the full text stays behind the owner's sign-in. In a private
 * message or an SMS the link signs the owner in ({@link io.directline.identity.OwnerCaseLinks}), so an
 * owner first met there, who has no login yet, can read it; a public post gets the plain link.
 */
@Component
public class AnswerFitter {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(\\.[\\w-]{1,63})+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{6,}\\d");

    private final String portalUrl;

    public AnswerFitter(@Value("${directline.portal-url:http://localhost:8080}") String portalUrl) {
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }

    /** Where the owner reads the whole case. */
    public String caseLink(long caseId) {
        return portalUrl + "/portal/cases/" + caseId;
    }

    /**
     * The text to post: {@code prefix} (a mention) and the answer, at most {@code maxLength} characters;
     * for a public thread with e-mail addresses and phone numbers removed.
     */
    public String fit(OutboundDelivery delivery, String prefix, int maxLength) {
        var text = delivery.text().strip();
        if (delivery.publicThread()) {
            text = redact(text);
        }
        var link = delivery.portalLink() == null ? caseLink(delivery.caseId()) : delivery.portalLink();
        return fit(prefix, text, link, maxLength);
    }

    static String fit(String prefix, String text, String link, int maxLength) {
        var whole = prefix + text;
        if (length(whole) <= maxLength) {
            return whole;
        }
        var suffix = "… Full answer: " + link;
        int room = maxLength - length(prefix) - length(suffix);
        if (room <= 0) {
            return prefix + suffix;
        }
        var flat = text.replaceAll("\\s+", " ");
        var cut = flat.substring(0, flat.offsetByCodePoints(0, Math.min(room, length(flat))));
        int lastSpace = cut.lastIndexOf(' ');
        if (lastSpace > room / 2) {
            cut = cut.substring(0, lastSpace);
        }
        return prefix + cut.strip() + suffix;
    }

    /** Removes what looks like an e-mail address or a phone number: it never belongs in a public post. */
    public static String redact(String text) {
        var withoutEmail = EMAIL.matcher(text).replaceAll("[address removed]");
        return PHONE.matcher(withoutEmail).replaceAll("[number removed]");
    }

    /** Plain text (an SMS, a DM) as the safe HTML a message is stored as. */
    public static String html(String plain) {
        if (plain == null) {
            return null;
        }
        return HtmlUtils.htmlEscape(plain.strip()).replace("\r\n", "\n").replace("\n", "<br>");
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
