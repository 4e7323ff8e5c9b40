package io.directline.sla;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.customer.CustomerManagement;
import io.directline.sla.clock.CaseSla;
import io.directline.sla.clock.CaseSlaRepository;
import io.directline.sla.clock.ClockTransitions;
import io.directline.sla.clock.SlaClock;
import io.directline.sla.clock.StoredClock;
import io.directline.sla.clock.StoredClockRepository;
import io.directline.sla.policy.BusinessCalendar;
import io.directline.sla.policy.SlaPolicies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of the SLA clocks of a case: whether a target was missed, the business time on its
 * calendar, and arming the clocks of an imported case. The clocks themselves follow the case through
 * {@link ClockTransitions}.
 */
@Service
@Transactional(readOnly = true)
public class SlaClockService {

    private final StoredClockRepository clocks;
    private final CaseSlaRepository slas;
    private final SlaPolicies policies;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final ClockTransitions transitions;
    private final Clock clock;

    SlaClockService(
            StoredClockRepository clocks,
            CaseSlaRepository slas,
            SlaPolicies policies,
            CaseManagement cases,
            CustomerManagement customers,
            ClockTransitions transitions,
            Clock clock) {
        this.clocks = clocks;
        this.slas = slas;
        this.policies = policies;
        this.cases = cases;
        this.customers = customers;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** The clocks of a case, oldest first. */
    public List<StoredClock> ofCase(long caseId) {
        return clocks.findByCaseIdOrderByStartedAtAscIdAsc(caseId);
    }

    /**
     * Whether an SLA target of the case was missed by {@code now}: recorded by the watchdog, or run out before it
     * looked.
     */
    public boolean breachedOn(long caseId, Instant now) {
        return clocks.findByCaseIdOrderByStartedAtAscIdAsc(caseId).stream()
                .anyMatch(c -> c.getBreachedAt() != null || compute(c).breached(now));
    }

    /** The SLA state of a case (policy, answered); empty when no policy applied when it opened. */
    public Optional<CaseSla> slaOf(long caseId) {
        return slas.findById(caseId);
    }

    /**
     * The instant {@code amount} of business time after {@code from} on the calendar of the case's policy, or
     * around the clock when no policy applies to it. Never null.
     */
    public Instant afterBusinessTime(long caseId, Instant from, Duration amount) {
        var calendar = slas.findById(caseId)
                .map(CaseSla::getPolicyId)
                .map(id -> policies.calendarOf(policies.get(id)))
                .orElseGet(BusinessCalendar::twentyFourSeven);
        return calendar.addBusinessTime(from, amount);
    }

    /** What a clock of a case shows right now, computed on its policy's calendar. */
    public SlaClock compute(StoredClock stored) {
        return transitions.compute(stored);
    }

    /**
     * Arms the clocks of a case brought over with its history (imported without events): the resolution
     * clock from its opening, paused if it waits on the owner or is resolved, and a response clock from the
     * owner's last message when it is unanswered. A target that ran out before Direct Line watched the case is
     * recorded as breached at its due time, without telling any {@link LateCaseHandler}: that part of the
     * history already happened. Does nothing for a closed case or one whose clocks are already armed.
     */
    @Transactional
    public void armImported(long caseId) {
        var supportCase = cases.get(caseId);
        if (supportCase.getStatus() == CaseStatus.CLOSED || slas.existsById(caseId)) {
            return;
        }
        var tier = customers.get(supportCase.getCustomerId()).getTier();
        var picked = policies.pick(supportCase.getChannel(), supportCase.getPriority(), tier);
        if (picked.isEmpty()) {
            return;
        }
        var policy = picked.get();
        var sla = slas.save(new CaseSla(caseId, policy.getId()));
        var calendar = policies.calendarOf(policy);
        var now = clock.instant();
        var conversation = cases.conversation(caseId, false);
        boolean answered = conversation.stream().anyMatch(m -> m.getDirection() == Direction.OUTBOUND);
        if (answered) {
            sla.answered();
        }
        boolean ownersTurn = ClockTransitions.PAUSING.contains(supportCase.getStatus());
        var resolution = policy.target(ClockKind.RESOLUTION);
        if (resolution != null) {
            var started = SlaClock.start(calendar, resolution, supportCase.getCreatedAt());
            var at = BusinessCalendar.later(supportCase.getUpdatedAt(), supportCase.getCreatedAt());
            var armed = ownersTurn ? settled(started, at).pause(at) : settled(started, now);
            clocks.save(
                    new StoredClock(caseId, ClockKind.RESOLUTION, policy.getId(), armed, supportCase.getCreatedAt()));
        }
        var last = conversation.isEmpty() ? null : conversation.get(conversation.size() - 1);
        var kind = answered ? ClockKind.NEXT_RESPONSE : ClockKind.FIRST_RESPONSE;
        if (!ownersTurn && last != null && last.getDirection() == Direction.INBOUND && policy.target(kind) != null) {
            var started = SlaClock.start(calendar, policy.target(kind), last.getCreatedAt());
            clocks.save(new StoredClock(caseId, kind, policy.getId(), settled(started, now), last.getCreatedAt()));
        }
        transitions.reschedule(caseId);
    }

    /** A running clock whose target ran out before {@code at} is recorded as breached at its due instant. */
    private static SlaClock settled(SlaClock clock, Instant at) {
        return clock.state() == SlaClock.State.RUNNING && at.isAfter(clock.dueAt()) ? clock.breach(at) : clock;
    }
}
