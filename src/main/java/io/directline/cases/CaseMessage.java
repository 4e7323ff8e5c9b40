package io.directline.cases;

import io.directline.customer.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Transient;
import java.time.Instant;

/** One message of a case's conversation. Its body is sanitized HTML. */
@Entity
public class CaseMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_message_seq")
    @SequenceGenerator(name = "case_message_seq", sequenceName = "case_message_seq", allocationSize = 50)
    private Long id;

    private Long caseId;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String author;
    private String authorUser;
    private String body;
    private String externalId;
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private DeliveryState deliveryStatus;

    private String deliveryDetail;
    private boolean publicPost;

    /** Made by this process's transaction rather than read from the database (never stored). */
    @Transient
    private boolean writtenNow;

    protected CaseMessage() {}

    CaseMessage(
            long caseId,
            Direction direction,
            Channel channel,
            Actor actor,
            String sanitizedBody,
            String externalId,
            Instant createdAt) {
        this.caseId = caseId;
        this.direction = direction;
        this.channel = channel;
        this.author = actor.displayName();
        this.authorUser = actor.username();
        this.body = sanitizedBody;
        this.externalId = externalId;
        this.createdAt = createdAt;
        this.writtenNow = true;
    }

    /**
     * Whether this message was written by the current unit of work, not read back as one that had arrived
     * before: an idempotent write that found its twin answers false.
     */
    public boolean isWrittenNow() {
        return writtenNow;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Direction getDirection() {
        return direction;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAuthor() {
        return author;
    }

    public String getAuthorUser() {
        return authorUser;
    }

    public String getBody() {
        return body;
    }

    public String getExternalId() {
        return externalId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    void delivery(DeliveryState state, String detail) {
        this.deliveryStatus = state;
        this.deliveryDetail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }

    /** Null for messages that are not sent anywhere (the owner's own, internal notes). */
    public DeliveryState getDeliveryStatus() {
        return deliveryStatus;
    }

    /** Why a delivery failed or waits; null when there is nothing to say. */
    public String getDeliveryDetail() {
        return deliveryDetail;
    }

    void markPublicPost() {
        this.publicPost = true;
    }

    /** The owner posted it in public (a mention on a social network), so its answer is public too. */
    public boolean isPublicPost() {
        return publicPost;
    }

    public boolean isInternal() {
        return direction == Direction.INTERNAL;
    }
}
