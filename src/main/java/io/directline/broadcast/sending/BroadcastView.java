package io.directline.broadcast.sending;

import io.directline.channel.NoticeProgress;
import io.directline.journey.Segment;
import java.time.Instant;

/**
 * A broadcast as the API shows it: what it says, whom it reaches, who made and approved it, and where its notices
 * stand.
 *
 * @param recipients the owners the segment reached when it was counted (at creation, again at approval)
 * @param noticesQueued the notices the fan-out has queued so far
 * @param progress where those notices stand now; null before approval
 * @param done nothing more will happen: every notice is sent, failed or cancelled
 */
public record BroadcastView(
        long id,
        String status,
        String statusLabel,
        String subject,
        String fullText,
        String shortText,
        Segment segment,
        long recipients,
        long noticesQueued,
        Progress progress,
        boolean done,
        String createdBy,
        Instant createdAt,
        String approvedBy,
        Instant approvedAt,
        String cancelledBy,
        Instant cancelledAt,
        Instant allQueuedAt) {

    /** The notices' counts, with the share finished in whole percent of the recipients. */
    public record Progress(
            long queued, long waitingForQuietHours, long sent, long failed, long cancelled, long total, int percent) {

        static Progress of(NoticeProgress p, long recipients) {
            long base = Math.max(recipients, p.total());
            int percent = base == 0 ? 100 : (int) Math.min(100, p.finished() * 100 / base);
            return new Progress(
                    p.queued(), p.waitingForQuietHours(), p.sent(), p.failed(), p.cancelled(), p.total(), percent);
        }
    }

    public static BroadcastView of(Broadcast b, NoticeProgress notices) {
        var progress = notices == null ? null : Progress.of(notices, b.getRecipients());
        return new BroadcastView(
                b.getId(),
                b.getStatus().name(),
                b.getStatus().label(),
                b.getSubject(),
                b.getFullText(),
                b.getShortText(),
                b.segment(),
                b.getRecipients(),
                b.getQueued(),
                progress,
                done(b, notices),
                b.getCreatedBy(),
                b.getCreatedAt(),
                b.getApprovedBy(),
                b.getApprovedAt(),
                b.getCancelledBy(),
                b.getCancelledAt(),
                b.getFinishedAt());
    }

    static boolean done(Broadcast b, NoticeProgress notices) {
        return switch (b.getStatus()) {
            case AWAITING_APPROVAL, SENDING -> false;
            case QUEUED, CANCELLED -> notices == null || notices.finished() == notices.total();
        };
    }
}
