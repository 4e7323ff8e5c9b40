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

/**
 * Reads a raw RFC 822 message into an {@link InboundMessage}: the sender, the subject, the new text
 * (quoted history stripped), the keys of the thread it continues and a list of its attachments. Mail
 * that no person wrote (auto-replies, bounces, delivery reports, mailing lists) is recognised and
 * answered as {@link Ignored}, so it never opens a case or starts a loop. Bounded: a message over the
 * size limit, nested too deep or with too many parts is {@link Rejected}. Longer than 300 lines: it is a parser of
 * a hostile format, whose limits (size, depth, parts, bytes of text) hold only when one walk over the parts enforces
 * them all; splitting it would spread those checks. What needs no walk lives apart: {@link QuotedHistory} and
 * {@link EscapedText}.
 */
final class MimeMessages {

    static final int MAX_DEPTH = 10;
    static final int MAX_PARTS = 100;
    /** The longest Message-ID kept as it is; longer ones are hashed to fit the message id column. */
    static final int MAX_ID_LENGTH = 300;

    private static final int MAX_THREAD_KEYS = 50;
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,398}>");
    /** The text of a message, in UTF-8 bytes once escaped: what a case message holds. */
    static final int MAX_TEXT_BYTES = CaseManagement.MAX_MESSAGE_BYTES;
    /** The most the list of attachments may take of it. */
    private static final int MAX_ATTACHMENT_LIST_BYTES = 8 * 1024;

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
    record Accepted(InboundMessage message, List<Attachment> attachments, List<AttachedFile> files, boolean shortened)
            implements Parsed {}

    /**
     * The bytes of an attachment within the attachment limit, kept for the case (decoded once, bounded by the
     * message's own limit).
     */
    record AttachedFile(String name, byte[] content) {}

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
            return new Accepted(
                    inbound, List.copyOf(content.attachments), List.copyOf(content.files), text.shortened());
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
        final List<AttachedFile> files = new ArrayList<>();
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
            var name = fileName != null
                    ? fileName
                    : part.isMimeType("message/rfc822") ? "forwarded message.eml" : "unnamed";
            var bytes = new java.io.ByteArrayOutputStream();
            long size = size(part, bytes, maxAttachmentSize);
            boolean overLimit = size > maxAttachmentSize;
            content.attachments.add(new Attachment(name, baseType(part), size, overLimit));
            if (!overLimit) {
                content.files.add(new AttachedFile(name, bytes.toByteArray()));
            }
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

    /** The decoded size of a part; its first {@code keep} bytes are copied to {@code kept}, no more. */
    private static long size(Part part, java.io.OutputStream kept, long keep) throws MessagingException, IOException {
        long size = 0;
        try (InputStream in = part.getInputStream()) {
            var buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (size < keep) {
                    kept.write(buffer, 0, (int) Math.min(read, keep - size));
                }
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
        int room = MAX_TEXT_BYTES - (attachments.isEmpty() ? 0 : EscapedText.utf8Length(attachments) + 2);
        String plain;
        if (content.plain != null && !content.plain.isBlank()) {
            var fresh = QuotedHistory.stripQuoted(content.plain);
            plain = fresh.isBlank() ? content.plain.strip() : fresh;
        } else if (content.html != null && !content.html.isBlank()) {
            var fresh = QuotedHistory.stripQuotedHtml(content.html);
            var freshText = PlainText.of(fresh);
            var html = freshText.isBlank() ? content.html : fresh;
            if (EscapedText.utf8Length(html) <= room) {
                return new Text(withAttachments(html, attachments), false);
            }
            plain = html == fresh ? freshText : PlainText.of(html);
        } else {
            plain = "";
        }
        if (EscapedText.escapedLength(plain) <= room) {
            var body = withAttachments(EscapedText.escape(plain), attachments);
            return new Text(body.isBlank() ? "(The message has no text.)" : body, false);
        }
        var note = EscapedText.escape(
                "[This e-mail was longer than a message holds (" + EscapedText.humanSize(EscapedText.utf8Length(plain))
                        + " of text; the limit is " + (MAX_TEXT_BYTES / 1024) + " KiB), so only its first part is shown"
                        + " here. The full original is attached for staff.]");
        var kept = EscapedText.shorten(plain, room - EscapedText.utf8Length(note) - 2);
        return new Text(withAttachments(EscapedText.escape(kept) + "\n\n" + note, attachments), true);
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
        var list = new StringBuilder(EscapedText.escape("Attachments: "));
        int bytes = EscapedText.utf8Length(list);
        for (int i = 0; i < attachments.size(); i++) {
            var a = attachments.get(i);
            var entry = EscapedText.escape((i == 0 ? "" : ", ") + a.name() + " (" + EscapedText.humanSize(a.size())
                    + (a.overLimit() ? ", over the size limit" : "") + ")");
            int entryBytes = EscapedText.utf8Length(entry);
            if (bytes + entryBytes > MAX_ATTACHMENT_LIST_BYTES - 20) {
                list.append(" and ").append(attachments.size() - i).append(" more");
                break;
            }
            list.append(entry);
            bytes += entryBytes;
        }
        return list.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
