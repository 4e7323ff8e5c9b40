package io.directline.escalation.ladder;










import io.directline.sla.clock.StoredClock;
import io.directline.sla.policy.SlaPolicy;
import io.directline.sla.clock.SlaClock;
import io.directline.sla.ClockKind;
import io.directline.sla.notice.OwnerNotice;
import io.directline.escalation.notification.StaffNotification;
import io.directline.escalation.Rung;
import io.directline.escalation.ladder.LadderStep;
import io.directline.escalation.ladder.EscalationLadder;
import io.directline.cases.SupportCase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the case page and the API show of a case's SLA, and of staff notifications. */
final class LadderViews {

    private LadderViews() {}

    /**
     * A case's SLA at one moment: its policy (null when none applies), its rung and holder on the escalation
     * ladder, its clocks (oldest first), its escalation trail and the notices telling its owner we are late.
     */
    record CaseSlaView(
            long caseId,
            String reference,
            PolicyView policy,
            Rung rung,
            String holder,
            List<ClockView> clocks,
            List<EscalationView> escalations,
            List<NoticeView> notices) {}

    /** @param workingHours whether the policy counts only working hours (else around the clock) */
    record PolicyView(long id, String name, String timeZone, boolean workingHours) {

        static PolicyView of(SlaPolicy p) {
            return new PolicyView(p.getId(), p.getName(), p.getZone().getId(), p.hours() != null);
        }
    }

    /**
     * One clock. {@code remaining} is working time left (negative past the target), to the second;
     * {@code dueAt} is the wall-clock instant the target runs out, null unless the clock runs.
     */
    record ClockView(
            long id,
            ClockKind kind,
            String label,
            SlaClock.State state,
            Duration target,
            Instant startedAt,
            Instant dueAt,
            Instant breachedAt,
            Instant stoppedAt,
            Duration remaining,
            boolean breached) {

        static ClockView of(StoredClock stored, SlaClock clock, Instant now) {
            return new ClockView(
                    stored.getId(),
                    stored.getKind(),
                    stored.getKind().label(),
                    clock.state(),
                    clock.target(),
                    stored.getStartedAt(),
                    clock.dueAt(),
                    clock.breachedAt(),
                    stored.getStoppedAt(),
                    clock.remaining(now).truncatedTo(ChronoUnit.SECONDS),
                    clock.breached(now));
        }

        public boolean running() {
            return state == SlaClock.State.RUNNING;
        }

        /** How the case page names where the clock stands. */
        public String stateLabel() {
            return switch (state) {
                case RUNNING -> breached ? "breached" : "running";
                case PAUSED -> breached ? "paused, breached" : "paused";
                case STOPPED -> breached ? "missed" : "met";
            };
        }
    }

    record EscalationView(
            Instant at, Rung rung, String rungLabel, EscalationLadder.Cause cause, String from, String to, String reason) {

        static EscalationView of(LadderStep e) {
            return new EscalationView(
                    e.getAt(),
                    e.getRung(),
                    e.getRung().label(),
                    e.getCause(),
                    e.getFromHolder(),
                    e.getToHolder(),
                    e.getReason());
        }
    }

    record NoticeView(long id, OwnerNotice.Status status, Instant sendAt, Instant sentAt, String body) {

        static NoticeView of(OwnerNotice n) {
            return new NoticeView(n.getId(), n.getStatus(), n.getSendAt(), n.getSentAt(), n.getBody());
        }
    }

    record NotificationView(
            long id, long caseId, String caseReference, String text, Instant createdAt, Instant readAt) {

        static NotificationView of(StaffNotification n) {
            return new NotificationView(
                    n.getId(),
                    n.getCaseId(),
                    SupportCase.reference(n.getCaseId()),
                    n.getText(),
                    n.getCreatedAt(),
                    n.getReadAt());
        }
    }

    record NotificationList(List<NotificationView> items) {}
}
