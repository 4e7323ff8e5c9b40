package io.directline.channel.outbox;

import io.directline.customer.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An outbox row: one answer, sign-in code or notice on its way to the owner. */
@Entity
class OutboundMessage {

    static final String ANSWER = "ANSWER";
    static final String NOTICE = "NOTICE";
    static final int NOTICE_PRIORITY = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbound_message_seq")
    @SequenceGenerator(name = "outbound_message_seq", sequenceName = "outbound_message_seq", allocationSize = 50)
    private Long id;

    /** Null for a message that belongs to no case (an owner's sign-in code). */
    private Long caseId;

    private Long messageId;
    private long customerId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String recipient;
    private String subject;
    private String body;
    private String author;

    @Enumerated(EnumType.STRING)
    private OutboxStatus status;

    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private String providerId;
    private String idempotencyKey;

    /** ANSWER for an answer or a sign-in code, NOTICE for a notice (no case message behind it). */
    private String kind = ANSWER;

    /** Claimed lowest first: answers and codes 0, notices {@link #NOTICE_PRIORITY}. */
    private int priority;

    /** What sent a notice; null for answers. */
    private String source;

    /** A notice's text for channels that carry little; null for answers. */
    private String shortText;

    /** While in the future, the row waits for the end of the owner's quiet hours. */
    private Instant quietUntil;

    /** The signed link that ends a long answer on this channel; null where the plain case link is used. */
    private String portalLink;

    private Instant createdAt;
    private Instant sentAt;

    @Version
    private long version;

    protected OutboundMessage() {}

    OutboundMessage(
            Long caseId,
            Long messageId,
            long customerId,
            Channel channel,
            String recipient,
            String subject,
            String body,
            String author,
            Instant notBefore,
            Instant now) {
        this.caseId = caseId;
        this.messageId = messageId;
        this.customerId = customerId;
        this.channel = channel;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.author = author;
        this.status = OutboxStatus.QUEUED;
        this.nextAttemptAt = notBefore;
        this.idempotencyKey = "dl-" + UUID.randomUUID();
        this.createdAt = now;
    }

    /** A sign-in code to an owner: no case, sent at once, its idempotency key derived from the code's id. */
    static OutboundMessage signInCode(
            long codeId, long customerId, Channel channel, String recipient, String subject, String text, Instant now) {
        var row =
                new OutboundMessage(null, null, customerId, channel, recipient, subject, text, "Direct Line", now, now);
        row.idempotencyKey = signInKey(codeId);
        return row;
    }

    static String signInKey(long codeId) {
        return "dl-sign-in-" + codeId;
    }

    void sent(String providerId, Instant now) {
        this.status = OutboxStatus.SENT;
        this.providerId = providerId;
        this.sentAt = now;
        this.lastError = null;
        this.nextAttemptAt = null;
    }

    void retryAt(Instant when, String error) {
        this.status = OutboxStatus.QUEUED;
        this.nextAttemptAt = when;
        this.lastError = truncate(error);
    }

    void failed(String error) {
        this.status = OutboxStatus.FAILED;
        this.nextAttemptAt = null;
        this.lastError = truncate(error);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }

    Long getId() {
        return id;
    }

    boolean isNotice() {
        return NOTICE.equals(kind);
    }

    String getKind() {
        return kind;
    }

    int getPriority() {
        return priority;
    }

    String getSource() {
        return source;
    }

    String getShortText() {
        return shortText;
    }

    Instant getQuietUntil() {
        return quietUntil;
    }

    /** Whether this row belongs to a case (an answer), rather than being a sign-in code or a notice. */
    boolean isAnswer() {
        return messageId != null;
    }

    Long getCaseId() {
        return caseId;
    }

    Long getMessageId() {
        return messageId;
    }

    long getCustomerId() {
        return customerId;
    }

    Channel getChannel() {
        return channel;
    }

    String getRecipient() {
        return recipient;
    }

    String getSubject() {
        return subject;
    }

    String getBody() {
        return body;
    }

    String getAuthor() {
        return author;
    }

    OutboxStatus getStatus() {
        return status;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    String getLastError() {
        return lastError;
    }

    String getProviderId() {
        return providerId;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    String getPortalLink() {
        return portalLink;
    }

    void linkToPortal(String link) {
        this.portalLink = link;
    }

    long getVersion() {
        return version;
    }
}
