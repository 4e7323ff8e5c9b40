package io.directline.channel.email;

import io.directline.cases.CaseManagement;
import io.directline.channel.intake.InboundMessage;
import io.directline.channel.intake.PlainText;
import io.directline.customer.Channel;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads a raw RFC 822 message into an {@link InboundMessage}: the sender, the subject, the new text
 * (quoted history stripped), the keys of the thread it continues and a list of its attachments. Mail
 * that no person wrote (auto-replies, bounces, delivery reports, mailing lists) is recognised and
 * answered as {@link Ignored}, so it never opens a case or starts a loop. Bounded: a message over the
 * size limit, nested too deep or with too many parts is {@link Rejected}. Longer than 300 lines: it is a parser of
 * a hostile format, whose limits (size, depth, parts, bytes of text) hold only when one walk over the parts enforces
 * them all; splitting it would spread those checks.
 */
final class MimeMessages {

    static final int MAX_DEPTH = 10;
    static final int MAX_PARTS = 100;
    /** The longest Message-ID kept as it is; longer ones are hashed to fit the message id column. */
    static final int MAX_ID_LENGTH = 300;

    private static final int MAX_THREAD_KEYS = 50;
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,398}>");
    private static final Pattern ATTRIBUTION = Pattern.compile("(?i)^on\\b.{0,400}\\bwrote:?$");
    private static final Pattern ORIGINAL_MESSAGE =
            Pattern.compile("(?i)^-{2,}\\s*(original message|forwarded message)\\s*-{2,}$");
    /** How far into a {@code <div} tag a quote marker ({@code class="gmail_quote"}) is looked for. */
    private static final int MAX_TAG_SCAN = 300;
    /** The text of a message, in UTF-8 bytes once escaped: what a case message holds. */
    static final int MAX_TEXT_BYTES = CaseManagement.MAX_MESSAGE_BYTES;
    /** The most the list of attachments may take of it. */
    private static final int MAX_ATTACHMENT_LIST_BYTES = 8 * 1024;
    /** How far back from the cut a shortened text looks for the end of a paragraph, line or word. */
    private static final int BOUNDARY_SEARCH = 4 * 1024;

    private final long maxSize;
    private final long maxAttachmentSize;
    private final String ownAddress;
    private final String authservId;

    MimeMessages(long maxSize, long maxAttachmentSize, String ownAddress) {
        this(maxSize, maxAttachmentSize, ownAddress, null);
    }

    /**
     * @param authservId the id our own mail server writes into its {@code Authentication-Results} header;
     *     null or blank: no message counts as authenticated
     */
    MimeMessages(long maxSize, long maxAttachmentSize, String ownAddress, String authservId) {
        this.maxSize = maxSize;
        this.maxAttachmentSize = maxAttachmentSize;
        this.ownAddress = ownAddress == null ? "" : ownAddress.strip().toLowerCase(Locale.ROOT);
        this.authservId = authservId == null ? "" : authservId.strip();
    }

    /** What the parser made of a message. */
    sealed interface Parsed permits Accepted, Ignored {}

    /**
     * A message a person wrote, ready for the intake.
     *
     * @param shortened its text was longer than a message holds and only its first part was kept (with a
     *     note saying so), so the raw original must be kept for staff
     */
    record Accepted(InboundMessage message, List<Attachment> attachments, boolean shortened) implements Parsed {}

    /**
     * Mail no person wrote.
     *
     * @param category a short, fixed name (for metrics): auto-submitted, precedence, mailing-list,
     *     auto-reply, bounce, report, own-address
     * @param detail what gave it away
     */
    record Ignored(String category, String detail) implements Parsed {}

    /** An attachment as listed: its content is not kept. */
    record Attachment(String name, String contentType, long size, boolean overLimit) {}

    /** A message that cannot be taken in; {@link #tooLarge()} ones are answered 413, others 400. */
    static final class Rejected extends RuntimeException {

        private final boolean tooLarge;

        Rejected(String reason, boolean tooLarge) {
            super(reason);
            this.tooLarge = tooLarge;
        }

        boolean tooLarge() {
            return tooLarge;
        }
    }

    Rejected tooLarge(long size) {
        return new Rejected(
                "The message is " + size + " bytes; the limit is " + maxSize + " bytes (" + (maxSize / 1024) + " KiB).",
                true);
    }

    long maxSize() {
        return maxSize;
    }

    Parsed parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new Rejected("The message is empty.", false);
        }
        if (raw.length > maxSize) {
            throw tooLarge(raw.length);
        }
        try {
            var message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            var from = sender(message);
            var ignored = notWrittenByAPerson(message, from);
            if (ignored != null) {
                return ignored;
            }
            var messageId = messageId(message);
            var externalId = messageId == null
                    ? "sha256:" + sha256(raw)
                    : messageId.length() > MAX_ID_LENGTH
                            ? "sha256:" + sha256(messageId.getBytes(StandardCharsets.UTF_8))
                            : messageId;
            var content = new Content();
            walk(message, 0, content);
            var text = body(content);
            var inbound = new InboundMessage(
                    Channel.EMAIL,
                    externalId,
                    from.getAddress(),
                    from.getPersonal(),
                    subject(message),
                    text.body(),
                    threadKeys(message, messageId),
                    messageId,
                    false,
                    null,
                    authenticated(message, authservId, from.getAddress()));
            return new Accepted(inbound, List.copyOf(content.attachments), text.shortened());
        } catch (MessagingException | IOException e) {
            throw new Rejected("The message cannot be read as MIME: " + e.getMessage(), false);
        }
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        jakarta.mail.Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException e) {
            throw new Rejected("The From address cannot be read: " + e.getMessage(), false);
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            throw new Rejected("The message has no From address.", false);
        }
        var text = address.getAddress();
        if (text == null || text.indexOf('@') < 1 || text.length() > 320) {
            throw new Rejected("The From address is not an e-mail address.", false);
        }
        return address;
    }

    /** Why this message is not a person writing, or null when it is. */
    Ignored notWrittenByAPerson(MimeMessage message, InternetAddress from) throws MessagingException {
        var autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null) {
            var value = autoSubmitted.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!value.equals("no")) {
                return new Ignored("auto-submitted", "Auto-Submitted: " + value);
            }
        }
        var precedence = header(message, "Precedence");
        if (precedence != null) {
            var value = precedence.strip().toLowerCase(Locale.ROOT);
            if (value.equals("bulk") || value.equals("junk") || value.equals("list")) {
                return new Ignored("precedence", "Precedence: " + value);
            }
        }
        for (var name : new String[] {"List-Id", "List-Unsubscribe"}) {
            if (header(message, name) != null) {
                return new Ignored("mailing-list", name + " header");
            }
        }
        for (var name : new String[] {"X-Autoreply", "X-Autorespond", "X-Auto-Reply"}) {
            if (header(message, name) != null) {
                return new Ignored("auto-reply", name + " header");
            }
        }
        var address = from.getAddress().toLowerCase(Locale.ROOT);
        var local = address.substring(0, address.indexOf('@'));
        if (local.equals("mailer-daemon") || local.equals("postmaster")) {
            return new Ignored("bounce", "sent by " + local);
        }
        var returnPath = header(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return new Ignored("bounce", "empty Return-Path");
        }
        if (message.isMimeType("multipart/report")) {
            return new Ignored("report", "Content-Type: multipart/report");
        }
        if (!ownAddress.isEmpty() && address.equals(ownAddress)) {
            return new Ignored("own-address", "sent from our own address");
        }
        return null;
    }

    /**
     * Whether our own mail server vouches for the From domain: the topmost {@code Authentication-Results}
     * header that carries {@code authservId} (RFC 8601; the server removes such headers from what it
     * receives, and adds its own on top) reports dmarc=pass, or dkim=pass or spf=pass for a domain aligned
     * with the From domain.
     */
    static boolean authenticated(MimeMessage message, String authservId, String from) throws MessagingException {
        var headers = message.getHeader("Authentication-Results");
        if (authservId == null || authservId.isBlank() || headers == null) {
            return false;
        }
        var fromDomain = from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        for (var header : headers) {
            var parts = header.replaceAll("\\([^()]*\\)", " ")
                    .replaceAll("\\s+", " ")
                    .toLowerCase(Locale.ROOT)
                    .split(";");
            if (!parts[0].strip().split(" ")[0].equals(authservId.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                var tokens = parts[i].strip().split(" ");
                var result = tokens[0];
                if (result.equals("dmarc=pass")
                        || (result.equals("dkim=pass") && aligned(property(tokens, "header.d", "header.i"), fromDomain))
                        || (result.equals("spf=pass") && aligned(property(tokens, "smtp.mailfrom"), fromDomain))) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static String property(String[] tokens, String... names) {
        for (var name : names) {
            for (var token : tokens) {
                if (token.startsWith(name + "=")) {
                    var value = token.substring(name.length() + 1);
                    return value.substring(value.lastIndexOf('@') + 1);
                }
            }
        }
        return null;
    }

    /** The same domain, or one a subdomain of the other (relaxed alignment within one organisation). */
    private static boolean aligned(String domain, String fromDomain) {
        return domain != null
                && !domain.isEmpty()
                && (domain.equals(fromDomain)
                        || fromDomain.endsWith("." + domain)
                        || domain.endsWith("." + fromDomain));
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        var value = message.getHeader(name, ",");
        return value == null || value.isBlank() ? null : value;
    }

    private static String messageId(MimeMessage message) throws MessagingException {
        var header = message.getHeader("Message-ID", null);
        if (header == null) {
            return null;
        }
        var matcher = MESSAGE_ID.matcher(header);
        return matcher.find() ? matcher.group() : null;
    }

    private static String subject(MimeMessage message) throws MessagingException {
        var subject = message.getSubject();
        return subject == null ? null : subject.strip();
    }

    /** References ids, then In-Reply-To: oldest first, without repeats or the message's own id. */
    static List<String> threadKeys(MimeMessage message, String ownId) throws MessagingException {
        var keys = new LinkedHashSet<String>();
        for (var name : new String[] {"References", "In-Reply-To"}) {
            var value = message.getHeader(name, " ");
            if (value == null) {
                continue;
            }
            var matcher = MESSAGE_ID.matcher(value);
            while (matcher.find()) {
                var key = matcher.group();
                keys.remove(key);
                keys.add(key);
            }
        }
        if (ownId != null) {
            keys.remove(ownId);
        }
        var list = new ArrayList<>(keys);
        return list.size() > MAX_THREAD_KEYS ? list.subList(list.size() - MAX_THREAD_KEYS, list.size()) : list;
    }

    private static final class Content {
        int parts;
        String plain;
        String html;
        final List<Attachment> attachments = new ArrayList<>();
    }

    private void walk(Part part, int depth, Content content) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new Rejected("The message is nested more than " + MAX_DEPTH + " levels deep.", false);
        }
        if (++content.parts > MAX_PARTS) {
            throw new Rejected("The message has more than " + MAX_PARTS + " parts.", false);
        }
        if (part.isMimeType("multipart/*")) {
            if (!(part.getContent() instanceof Multipart multipart)) {
                throw new Rejected("A multipart part has no parts.", false);
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, depth + 1, content);
            }
            return;
        }
        var fileName = fileName(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attached && part.isMimeType("text/plain") && content.plain == null) {
            content.plain = text(part);
        } else if (!attached && part.isMimeType("text/html") && content.html == null) {
            content.html = text(part);
        } else {
            long size = size(part);
            var name = fileName != null
                    ? fileName
                    : part.isMimeType("message/rfc822") ? "forwarded message.eml" : "unnamed";
            content.attachments.add(new Attachment(name, baseType(part), size, size > maxAttachmentSize));
        }
    }

    private static String fileName(Part part) {
        try {
            var name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            var decoded = MimeUtility.decodeText(name).strip();
            return decoded.length() > 300 ? decoded.substring(0, 300) : decoded;
        } catch (MessagingException | IOException | RuntimeException e) {
            return "unnamed";
        }
    }

    private static String baseType(Part part) {
        try {
            var type = part.getContentType();
            var base = type == null
                    ? "application/octet-stream"
                    : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return base.length() > 200 ? base.substring(0, 200) : base;
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    private static long size(Part part) throws MessagingException, IOException {
        long size = 0;
        try (InputStream in = part.getInputStream()) {
            var buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                size += read;
            }
        }
        return size;
    }

    /** The text of a part, decoded in one go in its charset (UTF-8 when it names none Java knows). */
    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset(part));
        }
    }

    private static Charset charset(Part part) {
        try {
            var type = part.getContentType();
            var name = type == null ? null : new ContentType(type).getParameter("charset");
            if (name != null && !name.isBlank()) {
                return Charset.forName(MimeUtility.javaCharset(name.strip()));
            }
        } catch (MessagingException | IllegalArgumentException unknownOrUnreadable) {
            // read as UTF-8
        }
        return StandardCharsets.UTF_8;
    }

    /** The text a message is stored with; {@code shortened} when only its first part fits. */
    private record Text(String body, boolean shortened) {}

    /**
     * The owner's new text with the list of attachments. When stripping the quoted history leaves nothing
     * (a forward, a reply that only quotes), the whole text is kept; a message with no text at all says
     * so, so that a person's mail is never refused for being empty, nor for being long: a text longer
     * than a message holds keeps its first part, cut at the end of a paragraph, line or word, and says so
     * (an HTML text that is too long is kept as plain text).
     */
    private static Text body(Content content) {
        var attachments = attachmentList(content.attachments);
        int room = MAX_TEXT_BYTES - (attachments.isEmpty() ? 0 : utf8Length(attachments) + 2);
        String plain;
        if (content.plain != null && !content.plain.isBlank()) {
            var fresh = stripQuoted(content.plain);
            plain = fresh.isBlank() ? content.plain.strip() : fresh;
        } else if (content.html != null && !content.html.isBlank()) {
            var fresh = stripQuotedHtml(content.html);
            var freshText = PlainText.of(fresh);
            var html = freshText.isBlank() ? content.html : fresh;
            if (utf8Length(html) <= room) {
                return new Text(withAttachments(html, attachments), false);
            }
            plain = html == fresh ? freshText : PlainText.of(html);
        } else {
            plain = "";
        }
        if (escapedLength(plain) <= room) {
            var body = withAttachments(escape(plain), attachments);
            return new Text(body.isBlank() ? "(The message has no text.)" : body, false);
        }
        var note = escape("[This e-mail was longer than a message holds (" + humanSize(utf8Length(plain))
                + " of text; the limit is " + (MAX_TEXT_BYTES / 1024) + " KiB), so only its first part is shown"
                + " here. The full original is attached for staff.]");
        var kept = shorten(plain, room - utf8Length(note) - 2);
        return new Text(withAttachments(escape(kept) + "\n\n" + note, attachments), true);
    }

    private static String withAttachments(String body, String attachments) {
        if (attachments.isEmpty()) {
            return body;
        }
        return body.isBlank() ? attachments : body + "\n\n" + attachments;
    }

    /** "Attachments: a.pdf (2 KB), ...", escaped, at most {@link #MAX_ATTACHMENT_LIST_BYTES}; empty for none. */
    private static String attachmentList(List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return "";
        }
        var list = new StringBuilder(escape("Attachments: "));
        int bytes = utf8Length(list);
        for (int i = 0; i < attachments.size(); i++) {
            var a = attachments.get(i);
            var entry = escape((i == 0 ? "" : ", ") + a.name() + " (" + humanSize(a.size())
                    + (a.overLimit() ? ", over the size limit" : "") + ")");
            int entryBytes = utf8Length(entry);
            if (bytes + entryBytes > MAX_ATTACHMENT_LIST_BYTES - 20) {
                list.append(" and ").append(attachments.size() - i).append(" more");
                break;
            }
            list.append(entry);
            bytes += entryBytes;
        }
        return list.toString();
    }

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
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static int escapedLength(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += escapedLength(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    /** What one character takes once escaped, in UTF-8 bytes. */
    private static int escapedLength(int codePoint) {
        return switch (codePoint) {
            case '<', '>' -> 4; // &lt; &gt;
            case '&', '\'' -> 5; // &amp; &#39;
            case '"' -> 6; // &quot;
            default -> codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        };
    }

    private static int utf8Length(CharSequence text) {
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
