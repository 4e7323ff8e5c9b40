package io.directline.broadcast;

import io.directline.broadcast.sending.Broadcasts;
import io.directline.broadcast.sending.Template;
import io.directline.journey.Segment;
import org.springframework.stereotype.Service;

/**
 * Broadcasts as other modules may make them (the demo data): the same steps as on the screens, a broadcast created by
 * one staff member and approved by another, its fan-out started once the approval is committed.
 */
@Service
public class Broadcasting {

    private final Broadcasts broadcasts;

    Broadcasting(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    /** Whether any broadcast was ever made. */
    public boolean anyMade() {
        return !broadcasts.newest(1).isEmpty();
    }

    /**
     * Creates a broadcast to {@code segment} as {@code creator} and approves it as {@code approver}; returns its id.
     * The refusals of the screens apply (400 for an empty segment or an unknown placeholder, 409 for the creator
     * approving above the four-eyes threshold).
     */
    public long createAndApprove(
            Segment segment,
            String subject,
            String fullText,
            String shortText,
            String creator,
            String creatorName,
            String approver,
            String approverName) {
        var made = broadcasts.create(
                segment, new Template(subject, fullText, shortText), new Broadcasts.Staff(creator, creatorName), null);
        long id = made.broadcast().getId();
        broadcasts.approve(id, new Broadcasts.Staff(approver, approverName));
        return id;
    }
}
