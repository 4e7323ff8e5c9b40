package io.directline.sla;

import io.directline.sla.clock.SlaClock;
import io.directline.sla.clock.StoredClock;
import io.directline.sla.notice.OwnerNotice;
import io.directline.sla.policy.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A case's SLA at one moment, as the case page and the API show it: its policy (null when none applies), its
 * clocks (oldest first) and the notices telling its owner we are late.
 */
public record SlaSnapshot(PolicyView policy, List<ClockView> clocks, List<NoticeView> notices) {

    /** @param workingHours whether the policy counts only business hours (else around the clock) */
    public record PolicyView(long id, String name, String timeZone, boolean workingHours) {

        static PolicyView of(SlaPolicy p) {
            return new PolicyView(p.getId(), p.getName(), p.getZone().getId(), p.hours() != null);
        }
    }

    /**
     * One clock. {@code remaining} is working time left (negative past the target), to the second;
     * {@code dueAt} is the wall-clock instant the target runs out, null unless the clock runs.
     */
    public record ClockView(
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

    public record NoticeView(long id, OwnerNotice.Status status, Instant sendAt, Instant sentAt, String body) {

        static NoticeView of(OwnerNotice n) {
            return new NoticeView(n.getId(), n.getStatus(), n.getSendAt(), n.getSentAt(), n.getBody());
        }
    }
}
