package io.directline.cases;

import java.nio.charset.StandardCharsets;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The text of a message as stored: at most 64 KiB of UTF-8 as received, and safe HTML as stored
 * (formatting, links, lists and tables survive; scripts, handlers and styles do not).
 */
final class MessageText {

    static final int MAX_BYTES = CaseManagement.MAX_MESSAGE_BYTES;

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.LINKS)
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr").toFactory());

    private MessageText() {}

    /** The sanitized text; throws a 413 problem over 64 KiB and a 400 problem when nothing is left. */
    static String of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw CaseProblems.emptyMessage();
        }
        int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw CaseProblems.messageTooLong(bytes);
        }
        String safe = POLICY.sanitize(raw.strip());
        if (safe.isBlank()) {
            throw CaseProblems.emptyMessage();
        }
        return safe;
    }
}
