package io.directline.cases;

import io.directline.customer.Channel;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A support case: one owner's question or problem and everything done about it. The case owns its
 * status lifecycle and refuses moves that {@link CaseStatus#next()} does not allow. Longer than 300 lines because
 * the aggregate keeps every field's limit and every state change next to the fields they guard.
 */
@Entity
@Table(name = "support_case")
public class SupportCase {

    /** The longest subject, in characters (the column's width). */
    public static final int MAX_SUBJECT = 300;

    /** The longest team name, in characters (the column's width). */
    public static final int MAX_TEAM = 60;

    /** The longest order number, in characters (the column's width). */
    public static final int MAX_ORDER_ID = 60;

    /** The longest tag, in characters (the column's width). */
    public static final int MAX_TAG = 60;

    /** The most tags a case carries. */
    public static final int MAX_TAGS = 20;

    /** The longest stake reason, in characters (the column's width). */
    public static final int MAX_STAKE_REASON = 300;

    /**
     * Stands in for the deadline of a case without a running SLA clock in the "most at stake first" order: later than
     * any real deadline, so such cases come last, the ones with more at stake first among them.
     */
    public static final Instant NO_DEADLINE = Instant.parse("9999-01-01T00:00:00Z");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "support_case_seq")
    @SequenceGenerator(name = "support_case_seq", sequenceName = "support_case_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private String subject;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String assignee;
    private String team;
    private String orderId;
    private boolean publicThread;
    private Instant slaDueAt;
    // written by CaseStakeRows alone, without touching the version
    @Column(insertable = false, updatable = false)
    private int stakeMinutes;

    @Column(insertable = false, updatable = false)
    private String stakeReason;

    @Column(insertable = false, updatable = false)
    private Instant priorityAt;

    private Instant createdAt;
    private Instant updatedAt;

    // loaded with the case, in batches of hibernate.default_batch_fetch_size for list pages
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "support_case_tag", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    @Version
    private long version;

    protected SupportCase() {}

    SupportCase(
            long customerId,
            String subject,
            Channel channel,
            Priority priority,
            String team,
            String orderId,
            Instant now) {
        this.customerId = customerId;
        this.subject = subject(subject);
        this.channel = channel;
        this.priority = priority == null ? Priority.NORMAL : priority;
        this.team = team(team);
        this.orderId = orderId(orderId);
        this.status = CaseStatus.NEW;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static SupportCase imported(CaseManagement.ImportedCase source) {
        var c = new SupportCase(
                source.customerId(),
                source.subject(),
                source.channel(),
                source.priority(),
                source.team(),
                null,
                source.openedAt());
        c.status = source.status();
        c.assignee = source.assignee();
        if (source.tags() != null) {
            c.tags.addAll(source.tags());
        }
        c.updatedAt = source.messages().stream()
                .map(CaseManagement.ImportedMessage::at)
                .max(Instant::compareTo)
                .orElse(source.openedAt());
        return c;
    }

    /**
     * The subject as stored, stripped; throws a 400 problem naming {@code subject} when it is blank or longer than
     * {@link #MAX_SUBJECT}.
     */
    public static String subject(String subject) {
        if (subject == null || subject.isBlank() || subject.strip().length() > MAX_SUBJECT) {
            throw CaseProblems.invalidField(
                    "subject", "Please give the case a subject of at most " + MAX_SUBJECT + " characters.");
        }
        return subject.strip();
    }

    /**
     * A team name as stored: stripped, null when blank; throws a 400 problem naming {@code team} when it is longer
     * than {@link #MAX_TEAM}.
     */
    public static String team(String team) {
        return optional(team, "team", "A team name", MAX_TEAM);
    }

    /**
     * An order number as stored: stripped, null when blank; throws a 400 problem naming {@code orderId} when it is
     * longer than {@link #MAX_ORDER_ID}.
     */
    public static String orderId(String orderId) {
        return optional(orderId, "orderId", "An order number", MAX_ORDER_ID);
    }

    /**
     * Tags as stored: stripped, lower-case, blanks left out; throws a 400 problem naming {@code tags} for more than
     * {@link #MAX_TAGS} tags or a tag longer than {@link #MAX_TAG}.
     */
    public static Set<String> tags(Collection<String> tags) {
        Set<String> wanted = tags.stream()
                .filter(t -> t != null && !t.isBlank())
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        if (wanted.size() > MAX_TAGS) {
            throw CaseProblems.invalidField(
                    "tags", "A case takes at most " + MAX_TAGS + " tags; these are " + wanted.size() + ".");
        }
        for (var tag : wanted) {
            if (tag.length() > MAX_TAG) {
                throw CaseProblems.invalidField(
                        "tags",
                        "A tag has at most " + MAX_TAG + " characters; \"" + CaseProblems.clip(tag) + "\" has "
                                + tag.length() + ".");
            }
        }
        return wanted;
    }

    private static String optional(String value, String field, String what, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var stripped = value.strip();
        if (stripped.length() > max) {
            throw CaseProblems.invalidField(
                    field, what + " has at most " + max + " characters; this one has " + stripped.length() + ".");
        }
        return stripped;
    }

    /** The human reference, such as {@code DL-000123}. */
    public static String reference(long id) {
        return String.format(Locale.ROOT, "DL-%06d", id);
    }

    /** The human reference; "new case" before the case is stored. */
    public String reference() {
        return id == null ? "new case" : reference(id);
    }

    /** Moves to {@code target}; throws a 409 problem when the lifecycle does not allow it. */
    CaseStatus moveTo(CaseStatus target, Instant now) {
        var from = status;
        if (from == target) {
            return from;
        }
        if (!from.canMoveTo(target)) {
            throw CaseProblems.illegalTransition(reference(), from, target);
        }
        status = target;
        updatedAt = now;
        return from;
    }

    /**
     * The owner wrote: the ball is in the company's court again, so a new, waiting or resolved case
     * becomes OPEN. Throws a 409 problem when the case is closed.
     */
    CaseStatus ownerWrote(Instant now) {
        if (status == CaseStatus.CLOSED) {
            throw CaseProblems.closed(reference());
        }
        var from = status;
        if (status != CaseStatus.OPEN && status != CaseStatus.WAITING_ON_COMPANY) {
            status = CaseStatus.OPEN;
        }
        updatedAt = now;
        return from;
    }

    /** The company answered the owner: a NEW case is now being worked. */
    CaseStatus companyReplied(Instant now) {
        if (status == CaseStatus.CLOSED) {
            throw CaseProblems.closed(reference());
        }
        var from = status;
        if (status == CaseStatus.NEW) {
            status = CaseStatus.OPEN;
        }
        updatedAt = now;
        return from;
    }

    void scheduleSla(Instant dueAt) {
        slaDueAt = dueAt;
    }

    void markPublicThread() {
        publicThread = true;
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    void assignTo(String username, Instant now) {
        assignee = username;
        updatedAt = now;
    }

    void moveToTeam(String team, Instant now) {
        this.team = team(team);
        updatedAt = now;
    }

    void prioritize(Priority priority, Instant now) {
        this.priority = priority;
        updatedAt = now;
    }

    /** Replaces the tags; returns false, changing nothing, when they are the same tags already. */
    boolean retag(Collection<String> newTags, Instant now) {
        Set<String> wanted = tags(newTags);
        if (wanted.equals(Set.copyOf(tags))) {
            return false;
        }
        tags.clear();
        tags.addAll(wanted);
        updatedAt = now;
        return true;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getSubject() {
        return subject;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAssignee() {
        return assignee;
    }

    public String getTeam() {
        return team;
    }

    public String getOrderId() {
        return orderId;
    }

    /** Began as a public post on a social network: answers there are public unless moved to private. */
    public boolean isPublicThread() {
        return publicThread;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When the case next breaches an SLA target; null while no SLA clock runs. */
    public Instant getSlaDueAt() {
        return slaDueAt;
    }

    /** How many minutes the case moves ahead of its SLA deadline for what is at stake; 0 for nothing. */
    public int getStakeMinutes() {
        return stakeMinutes;
    }

    /** What is at stake, in words ("owner at risk (balance −7) · $210k lifetime value"), or null for nothing. */
    public String getStakeReason() {
        return stakeReason;
    }

    /**
     * The case's place in the "most at stake first" order: its SLA deadline (or {@link #NO_DEADLINE}) less its stake
     * minutes; earliest first.
     */
    public Instant getPriorityAt() {
        return priorityAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Set<String> getTags() {
        return Set.copyOf(tags);
    }
}
