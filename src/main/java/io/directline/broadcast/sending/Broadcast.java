package io.directline.broadcast.sending;

import io.directline.journey.Milestone;
import io.directline.journey.Segment;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One broadcast: the segment it reaches, its template, who made and approved it, and how far its fan-out got. It
 * owns its transitions: approve only while awaiting approval (by a second person above the threshold), a page of
 * notices queued only while sending, cancel until it is cancelled.
 */
@Entity
public class Broadcast {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "broadcast_seq")
    @SequenceGenerator(name = "broadcast_seq", sequenceName = "broadcast_seq", allocationSize = 50)
    private Long id;

    private String createdBy;
    private String createdByName;
    private String idempotencyKey;
    private Instant createdAt;

    private String segmentModel;
    private String segmentRegion;
    private String segmentPostal;
    private Double segmentLatitude;
    private Double segmentLongitude;
    private Double segmentWithinKm;

    @Enumerated(EnumType.STRING)
    private Milestone segmentMilestone;

    private LocalDate segmentFrom;
    private LocalDate segmentTo;
    private String segmentTags;

    private String subject;
    private String fullText;
    private String shortText;

    @Enumerated(EnumType.STRING)
    private BroadcastStatus status;

    private long recipients;
    private long queued;
    private long cursorCustomerId;
    private String approvedBy;
    private Instant approvedAt;
    private String cancelledBy;
    private Instant cancelledAt;
    private Instant finishedAt;

    @Version
    private long version;

    protected Broadcast() {}

    Broadcast(
            String createdBy,
            String createdByName,
            String idempotencyKey,
            Segment segment,
            Template template,
            long recipients,
            Instant now) {
        this.createdBy = createdBy;
        this.createdByName = createdByName;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now;
        this.segmentModel = segment.model();
        this.segmentRegion = segment.region();
        this.segmentPostal = segment.postalPrefix();
        this.segmentLatitude = segment.latitude();
        this.segmentLongitude = segment.longitude();
        this.segmentWithinKm = segment.withinKm();
        this.segmentMilestone = segment.milestone();
        this.segmentFrom = segment.promisedFrom();
        this.segmentTo = segment.promisedTo();
        this.segmentTags = segment.tags().isEmpty() ? null : String.join(",", new TreeSet<>(segment.tags()));
        this.subject = template.subject();
        this.fullText = template.fullText();
        this.shortText = template.shortText();
        this.status = BroadcastStatus.AWAITING_APPROVAL;
        this.recipients = recipients;
    }

    /** The source every notice of this broadcast carries; progress and cancel are asked by it. */
    public static String source(long id) {
        return "broadcast:" + id;
    }

    public String source() {
        return source(id);
    }

    public Segment segment() {
        return new Segment(
                segmentModel,
                segmentRegion,
                segmentPostal,
                segmentLatitude,
                segmentLongitude,
                segmentWithinKm,
                segmentMilestone,
                segmentFrom,
                segmentTo,
                segmentTags == null
                        ? null
                        : Arrays.stream(segmentTags.split(",")).collect(Collectors.toSet()));
    }

    public Template template() {
        return new Template(subject, fullText, shortText);
    }

    void approve(String approver, FourEyes rule, Instant now) {
        if (status != BroadcastStatus.AWAITING_APPROVAL) {
            throw BroadcastProblems.conflict(
                    "Not awaiting approval",
                    "Broadcast " + id + " is " + status.label() + "; there is nothing to approve.");
        }
        var decision = rule.mayApprove(approver, createdBy, recipients);
        if (!decision.allowed()) {
            throw BroadcastProblems.conflict("A second person must approve", decision.reason());
        }
        this.status = BroadcastStatus.SENDING;
        this.approvedBy = approver;
        this.approvedAt = now;
    }

    /** A page of notices was queued, up to and including this owner. */
    void queuedUpTo(long lastCustomerId, int newlyQueued) {
        if (status != BroadcastStatus.SENDING) {
            throw new IllegalStateException("Broadcast " + id + " is " + status + ", not sending");
        }
        this.cursorCustomerId = lastCustomerId;
        this.queued += newlyQueued;
    }

    /** Every owner's notice is queued. */
    void allQueued(Instant now) {
        if (status == BroadcastStatus.SENDING) {
            this.status = BroadcastStatus.QUEUED;
            this.finishedAt = now;
        }
    }

    void cancel(String by, Instant now) {
        if (status == BroadcastStatus.CANCELLED) {
            throw BroadcastProblems.conflict("Already cancelled", "Broadcast " + id + " was already cancelled.");
        }
        this.status = BroadcastStatus.CANCELLED;
        this.cancelledBy = by;
        this.cancelledAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getCreatedByName() {
        return createdByName;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getSubject() {
        return subject;
    }

    public String getFullText() {
        return fullText;
    }

    public String getShortText() {
        return shortText;
    }

    public BroadcastStatus getStatus() {
        return status;
    }

    public long getRecipients() {
        return recipients;
    }

    public long getQueued() {
        return queued;
    }

    public long getCursorCustomerId() {
        return cursorCustomerId;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
