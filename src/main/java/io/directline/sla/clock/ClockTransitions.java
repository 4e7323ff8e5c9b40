package io.directline.sla.clock;

import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseOpened;
import io.directline.cases.CasePriorityChanged;
import io.directline.cases.CaseStatus;
import io.directline.cases.CaseStatusChanged;
import io.directline.cases.MessageReceived;
import io.directline.cases.ReplyPosted;
import io.directline.customer.CustomerManagement;
import io.directline.customer.CustomerTierChanged;
import io.directline.sla.ClockKind;
import io.directline.sla.SlaMet;
import io.directline.sla.policy.SlaPolicies;
import io.directline.sla.policy.SlaPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clocks of every case, driven by what happens to it, in the same transaction as the change:
 * <ul>
 *   <li>a case opens: its policy is picked and its resolution clock starts;
 *   <li>the owner writes: a first-response clock starts (next-response once the case was answered), unless
 *       one already runs;
 *   <li>the company answers: the response clock stops (an automatic notice is not an answer);
 *   <li>the case waits on the owner or is resolved: its clocks pause; it is worked again: they resume;
 *       it is closed: they stop;
 *   <li>its priority or its owner's tier changes: the policy is picked again and the clocks keep the working
 *       time they used, counting towards the new targets.
 * </ul>
 * After each change the case learns when it next breaches, which the inbox sorts by.
 */
@Service
@Transactional(readOnly = true)
public class ClockTransitions {

    /** The statuses in which a case waits on its owner, so its clocks pause. */
    public static final Set<CaseStatus> PAUSING = EnumSet.of(CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED);

    private final StoredClockRepository clocks;
    private final CaseSlaRepository slas;
    private final SlaPolicies policies;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final LateCases lateCases;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ClockTransitions(
            StoredClockRepository clocks,
            CaseSlaRepository slas,
            SlaPolicies policies,
            CaseManagement cases,
            CustomerManagement customers,
            LateCases lateCases,
            Clock clock,
            ApplicationEventPublisher events) {
        this.clocks = clocks;
        this.slas = slas;
        this.policies = policies;
        this.cases = cases;
        this.customers = customers;
        this.lateCases = lateCases;
        this.clock = clock;
        this.events = events;
    }

    /** What a clock of a case shows right now, computed on its policy's calendar. */
    public SlaClock compute(StoredClock stored) {
        return stored.clock(policies.calendarOf(policies.get(stored.getPolicyId())));
    }

    @EventListener
    @Transactional
    void on(CaseOpened opened) {
        var tier = customers.get(opened.customerId()).getTier();
        var policy = policies.pick(opened.channel(), opened.priority(), tier);
        if (policy.isEmpty()) {
            return;
        }
        slas.save(new CaseSla(opened.caseId(), policy.get().getId()));
        start(opened.caseId(), ClockKind.RESOLUTION, policy.get(), opened.openedAt());
        reschedule(opened.caseId());
    }

    @EventListener
    @Transactional
    void on(MessageReceived received) {
        var sla = slas.findById(received.caseId());
        if (sla.isEmpty() || sla.get().getPolicyId() == null) {
            return;
        }
        var waitingForAnswer = clocks.findActive(received.caseId()).stream()
                .anyMatch(c -> c.getKind().isResponse());
        if (waitingForAnswer) {
            return;
        }
        var kind = sla.get().isAnswered() ? ClockKind.NEXT_RESPONSE : ClockKind.FIRST_RESPONSE;
        start(received.caseId(), kind, policies.get(sla.get().getPolicyId()), received.receivedAt());
        reschedule(received.caseId());
    }

    @EventListener
    @Transactional
    void on(ReplyPosted reply) {
        if (reply.automatic()) {
            return;
        }
        var sla = slas.findById(reply.caseId());
        if (sla.isEmpty()) {
            return;
        }
        sla.get().answered();
        var first = active(reply.caseId(), ClockKind.FIRST_RESPONSE);
        change(reply.caseId(), c -> c.getKind().isResponse(), c -> c.stop(reply.postedAt()));
        met(first, reply.postedAt());
    }

    @EventListener
    @Transactional
    void on(CaseStatusChanged changed) {
        if (!slas.existsById(changed.caseId())) {
            return;
        }
        var at = changed.at();
        if (changed.to() == CaseStatus.CLOSED) {
            change(changed.caseId(), c -> true, c -> c.stop(at));
        } else if (PAUSING.contains(changed.to())) {
            var resolution = changed.to() == CaseStatus.RESOLVED
                    ? active(changed.caseId(), ClockKind.RESOLUTION)
                    : List.<StoredClock>of();
            change(changed.caseId(), c -> true, c -> c.state() == SlaClock.State.RUNNING ? c.pause(at) : c);
            met(resolution, at);
        } else if (PAUSING.contains(changed.from())) {
            change(changed.caseId(), c -> true, c -> c.state() == SlaClock.State.PAUSED ? c.resume(at) : c);
        }
    }

    @EventListener
    @Transactional
    void on(CasePriorityChanged changed) {
        repick(changed.caseId(), changed.at());
    }

    @EventListener
    @Transactional
    void on(CustomerTierChanged changed) {
        var active = EnumSet.of(
                CaseStatus.NEW,
                CaseStatus.OPEN,
                CaseStatus.WAITING_ON_COMPANY,
                CaseStatus.WAITING_ON_CUSTOMER,
                CaseStatus.RESOLVED);
        var filter = new CaseFilter(active, null, null, changed.customerId(), null);
        for (int page = 0; ; page++) {
            var slice = cases.search(filter, page, 100);
            slice.items().forEach(c -> repick(c.getId(), changed.at()));
            if (!slice.hasNext()) {
                return;
            }
        }
    }

    /** Picks the case's policy again and moves its unstopped clocks to the new targets. */
    private void repick(long caseId, Instant at) {
        var sla = slas.findById(caseId);
        if (sla.isEmpty() || sla.get().getPolicyId() == null) {
            return;
        }
        var supportCase = cases.get(caseId);
        var tier = customers.get(supportCase.getCustomerId()).getTier();
        var picked = policies.pick(supportCase.getChannel(), supportCase.getPriority(), tier);
        if (picked.isEmpty() || picked.get().getId().equals(sla.get().getPolicyId())) {
            return;
        }
        var policy = picked.get();
        sla.get().movedTo(policy.getId());
        var calendar = policies.calendarOf(policy);
        var active = clocks.findActive(caseId);
        for (var stored : active) {
            var target = policy.target(stored.getKind());
            var current = compute(stored);
            var wasBreached = current.breachedAt() != null;
            var moved = target == null ? current.stop(at) : current.retarget(calendar, target, at);
            stored.movedTo(policy.getId());
            stored.store(moved);
            breachedBy(stored, wasBreached);
        }
        reschedule(caseId, active);
    }

    private List<StoredClock> active(long caseId, ClockKind kind) {
        return clocks.findActive(caseId).stream()
                .filter(c -> c.getKind() == kind)
                .toList();
    }

    /**
     * Tells of each clock that reached its goal at {@code at} without a breach: a first answer just sent, or a
     * resolution. A case resolved again after a reopening tells of the same clock again (its id says so).
     */
    private void met(List<StoredClock> reached, Instant at) {
        reached.stream()
                .filter(c -> c.getBreachedAt() == null)
                .forEach(c -> events.publishEvent(new SlaMet(c.getCaseId(), c.getId(), c.getKind(), c.getDueAt(), at)));
    }

    private void start(long caseId, ClockKind kind, SlaPolicy policy, Instant at) {
        var target = policy.target(kind);
        if (target == null) {
            return;
        }
        var started = SlaClock.start(policies.calendarOf(policy), target, at);
        clocks.save(new StoredClock(caseId, kind, policy.getId(), started, at));
    }

    private void change(
            long caseId, java.util.function.Predicate<StoredClock> which, UnaryOperator<SlaClock> transition) {
        var active = clocks.findActive(caseId);
        for (var stored : active) {
            if (which.test(stored)) {
                var current = compute(stored);
                stored.store(transition.apply(current));
                breachedBy(stored, current.breachedAt() != null);
            }
        }
        reschedule(caseId, active);
    }

    /**
     * A transition made after a clock's due instant, before the watchdog saw it, records the breach: the
     * owner waited too long even if the answer has now come.
     */
    private void breachedBy(StoredClock stored, boolean wasBreached) {
        if (wasBreached || stored.getBreachedAt() == null) {
            return;
        }
        lateCases.clockBreached(stored, clock.instant());
    }

    /** Tells the case when it next breaches: the earliest due instant of its running clocks. */
    @Transactional
    public void reschedule(long caseId) {
        reschedule(caseId, clocks.findActive(caseId));
    }

    /** As {@link #reschedule(long)}, from the case's unstopped clocks already at hand. */
    private void reschedule(long caseId, List<StoredClock> active) {
        var next = active.stream()
                .filter(c -> c.getState() == SlaClock.State.RUNNING)
                .map(StoredClock::getDueAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (!Objects.equals(next, cases.get(caseId).getSlaDueAt())) {
            cases.scheduleSla(caseId, next);
        }
    }
}
