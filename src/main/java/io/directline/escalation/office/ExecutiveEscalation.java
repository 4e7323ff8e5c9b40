package io.directline.escalation.office;

import io.directline.escalation.guard.Attempt;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An owner's case taken to an executive: routed by domain, with the executive's first-response target. */
@Entity
@Table(name = "executive_escalation")
public class ExecutiveEscalation {

    static final int MAX_REASON = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "executive_escalation_seq")
    @SequenceGenerator(
            name = "executive_escalation_seq",
            sequenceName = "executive_escalation_seq",
            allocationSize = 50)
    private Long id;

    private long caseId;
    private long customerId;
    private String domain;
    private String executive;

    @Enumerated(EnumType.STRING)
    private EscalationState state;

    private String reason;
    private boolean companyFailed;
    private boolean frivolous;
    private boolean refused;
    private Instant requestedAt;
    private Instant approvedAt;
    private Instant firstResponseDue;
    private Instant firstResponseAt;
    private boolean firstResponseLate;
    private Long promiseId;
    private String handedToTeam;
    private Instant closedAt;

    @Version
    private long version;

    protected ExecutiveEscalation() {}

    ExecutiveEscalation(
            long caseId,
            long customerId,
            String domain,
            String reason,
            boolean companyFailed,
            EscalationState state,
            Instant now) {
        this.caseId = caseId;
        this.customerId = customerId;
        this.domain = domain;
        this.reason = clip(reason, MAX_REASON);
        this.companyFailed = companyFailed;
        this.state = state;
        this.requestedAt = stored(now);
    }

    /** {@code text} stripped, cut to {@code max} characters with an ellipsis when longer. */
    static String clip(String text, int max) {
        var stripped = text.strip();
        return stripped.length() > max ? stripped.substring(0, max - 1) + "…" : stripped;
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Routes it to {@code executive}, who owes the owner a first response within {@code target}. */
    void routeTo(String executive, Duration target, Instant now) {
        this.executive = executive;
        this.state = EscalationState.OPEN;
        this.approvedAt = stored(now);
        this.firstResponseDue = stored(now.plus(target));
    }

    void promised(long promiseId) {
        this.promiseId = promiseId;
    }

    /** The executive answered the owner; the first answer stops the first-response clock. */
    void answered(Instant now) {
        requireWithExecutive("answer it");
        respondedAt(now);
        this.state = EscalationState.ANSWERED;
    }

    void handedBack(String team, Instant now) {
        requireWithExecutive("hand it back");
        respondedAt(now);
        this.handedToTeam = team;
        this.state = EscalationState.HANDED_BACK;
    }

    void close(Instant now) {
        if (state == EscalationState.CLOSED) {
            throw EscalationProblems.conflict("Escalation closed", "This escalation is already closed.");
        }
        if (state == EscalationState.PENDING_APPROVAL) {
            throw EscalationProblems.conflict(
                    "Awaiting approval",
                    "This escalation awaits the executive office's approval: approve it or refuse it first.");
        }
        this.state = EscalationState.CLOSED;
        this.closedAt = stored(now);
    }

    void refuse(Instant now) {
        requirePending();
        this.refused = true;
        this.state = EscalationState.CLOSED;
        this.closedAt = stored(now);
    }

    void requirePending() {
        if (state != EscalationState.PENDING_APPROVAL) {
            throw EscalationProblems.conflict(
                    "Not awaiting approval", "This escalation is " + state.label() + ", not awaiting approval.");
        }
    }

    void markFrivolous() {
        this.frivolous = true;
    }

    void firstResponseLate() {
        this.firstResponseLate = true;
    }

    private void respondedAt(Instant now) {
        if (firstResponseAt == null) {
            firstResponseAt = stored(now);
            firstResponseLate = firstResponseLate || firstResponseAt.isAfter(firstResponseDue);
        }
    }

    private void requireWithExecutive(String what) {
        if (state == EscalationState.PENDING_APPROVAL || state == EscalationState.CLOSED) {
            throw EscalationProblems.conflict(
                    "Not with an executive",
                    "This escalation is " + state.label() + "; only an escalation with an executive can " + what + ".");
        }
    }

    /** The escalation as a past one of its owner's, for the guard. */
    Attempt.PastEscalation past() {
        return new Attempt.PastEscalation(caseId, requestedAt, state, frivolous, refused, companyFailed);
    }

    /** For the owner and the office: how long the executive has left (negative once late); null when answered. */
    public Duration remaining(Instant now) {
        return firstResponseDue == null || firstResponseAt != null ? null : Duration.between(now, firstResponseDue);
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getDomain() {
        return domain;
    }

    public String getExecutive() {
        return executive;
    }

    public EscalationState getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }

    public boolean isCompanyFailed() {
        return companyFailed;
    }

    public boolean isFrivolous() {
        return frivolous;
    }

    public boolean isRefused() {
        return refused;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public Instant getFirstResponseDue() {
        return firstResponseDue;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public boolean isFirstResponseLate() {
        return firstResponseLate;
    }

    public Long getPromiseId() {
        return promiseId;
    }

    public String getHandedToTeam() {
        return handedToTeam;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
