package io.directline.escalation.ladder;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseStatus;
import io.directline.cases.SupportCase;
import io.directline.customer.CustomerManagement;
import io.directline.escalation.CaseEscalated;
import io.directline.escalation.ClimbCause;
import io.directline.escalation.Rung;
import io.directline.escalation.notification.StaffNotificationService;
import io.directline.identity.Role;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import io.directline.sla.LateCaseHandler;
import io.directline.sla.OwnerNotifier;
import io.directline.sla.PromiseBroken;
import io.directline.sla.Promises;
import io.directline.sla.SlaBreached;
import io.directline.sla.SlaClockService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation ladder: assignee → team supervisor → executive office. Each breached SLA clock or broken
 * promise climbs a case one rung, records the reason on the case, notifies the new holder, and tells the
 * owner honestly that we are late, who has the case now and by when they will hear from us — a new promise
 * owned by the new holder. The executive office is the top: a further breach there is recorded and the
 * office reminded, without another automatic promise or notice.
 *
 * <p>Where a case stands is its latest step on the trail. {@code sla} hands every late case to the ladder as a
 * {@link LateCaseHandler}, in the transaction that records the lateness.
 */
@Service
@Transactional(readOnly = true)
public class EscalationLadder implements LateCaseHandler {

    private static final DateTimeFormatter OWNER_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private final LadderStepRepository trail;
    private final StaffNotificationService notifications;
    private final SlaClockService clocks;
    private final Promises promises;
    private final OwnerNotifier notices;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final LadderProperties properties;
    private final Clock clock;

    EscalationLadder(
            LadderStepRepository trail,
            StaffNotificationService notifications,
            SlaClockService clocks,
            Promises promises,
            OwnerNotifier notices,
            CaseManagement cases,
            CustomerManagement customers,
            UserManagement users,
            ApplicationEventPublisher events,
            LadderProperties properties,
            Clock clock) {
        this.trail = trail;
        this.notifications = notifications;
        this.clocks = clocks;
        this.promises = promises;
        this.notices = notices;
        this.cases = cases;
        this.customers = customers;
        this.users = users;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The escalation trail of a case, oldest first. */
    public List<LadderStep> trailOf(long caseId) {
        return trail.findByCaseIdOrderByAtAscIdAsc(caseId);
    }

    /** The rung a case stands on now: that of its latest step, the assignee before any. */
    public Rung rungOf(long caseId) {
        return trail.findFirstByCaseIdOrderByAtDescIdDesc(caseId)
                .map(LadderStep::getRung)
                .orElse(Rung.ASSIGNEE);
    }

    /** Who holds a case on its rung since its latest step; empty before any. */
    public Optional<String> holderOf(long caseId) {
        return trail.findFirstByCaseIdOrderByAtDescIdDesc(caseId).map(LadderStep::getToHolder);
    }

    /** A running clock that breached climbs its case; one that stopped or paused after its due time does not. */
    @Override
    @Transactional
    public void slaBreached(SlaBreached breach, String reason, boolean clockRunning) {
        if (clockRunning) {
            climb(breach.caseId(), ClimbCause.SLA_BREACH, reason);
        }
    }

    @Override
    @Transactional
    public void promiseBroken(PromiseBroken broken, String reason) {
        climb(broken.caseId(), ClimbCause.PROMISE_BROKEN, reason);
    }

    /**
     * Climbs a case one rung because time ran out, in the caller's transaction. Does nothing for a closed
     * case. Returns the step recorded on the trail.
     */
    @Transactional
    public Optional<LadderStep> climb(long caseId, ClimbCause cause, String reason) {
        var supportCase = cases.get(caseId);
        if (supportCase.getStatus() == CaseStatus.CLOSED) {
            return Optional.empty();
        }
        var from = rungOf(caseId);
        var to = from.next();
        var holder = holderOn(to, supportCase);
        if (holder.isEmpty() && to == Rung.TEAM_SUPERVISOR) {
            to = Rung.EXECUTIVE_OFFICE;
            holder = holderOn(to, supportCase);
        }
        if (holder.isEmpty()) {
            // nobody above: the case stays where it is, and the trail says why nobody took it
            holder = Optional.ofNullable(supportCase.getAssignee()).flatMap(users::staffMember);
            if (holder.isEmpty()) {
                return Optional.empty();
            }
            to = from;
        }
        var now = clock.instant();
        var newHolder = holder.get();
        var previous = supportCase.getAssignee();
        var system = new Actor("system", "Direct Line", supportCase.getChannel());
        cases.escalate(caseId, newHolder.username(), reason, system);
        var step = trail.save(new LadderStep(caseId, to, cause, reason, previous, newHolder.username(), now));
        notifications.tell(
                newHolder.username(),
                caseId,
                supportCase.reference() + " is yours now (" + to.label().toLowerCase(Locale.ROOT) + "): " + reason,
                now);
        events.publishEvent(new CaseEscalated(caseId, from, to, newHolder.username(), cause, reason, now));
        if (to != from) {
            // a new holder promises to get back to the owner; at the top the executive office is reminded and
            // must act in person: no automatic promise that would break, and be broken again, every few hours
            promiseAndTell(supportCase, to, newHolder, cause, now);
        }
        return Optional.of(step);
    }

    /**
     * Puts a case at the top of the ladder because its owner took it to {@code executive}, in the caller's
     * transaction: the case is assigned to them, the step goes on the trail and the executive is notified. The
     * caller makes the executive's promise to the owner; no automatic one is made here. Throws a 400 problem when
     * the executive is not an active staff member.
     */
    @Transactional
    public LadderStep toExecutive(long caseId, String executive, String reason) {
        var supportCase = cases.get(caseId);
        var from = rungOf(caseId);
        var previous = supportCase.getAssignee();
        var now = clock.instant();
        cases.escalate(caseId, executive, reason, Actor.system(supportCase.getChannel()));
        var step = trail.save(new LadderStep(
                caseId, Rung.EXECUTIVE_OFFICE, ClimbCause.OWNER_REQUEST, reason, previous, executive, now));
        notifications.tell(
                executive, caseId, supportCase.reference() + " was escalated to you by its owner: " + reason, now);
        events.publishEvent(new CaseEscalated(
                caseId, from, Rung.EXECUTIVE_OFFICE, executive, ClimbCause.OWNER_REQUEST, reason, now));
        return step;
    }

    /**
     * The new holder promises to get back to the owner within the recovery time, counted on the case's
     * calendar from the moment the owner may be contacted (after their quiet hours), and the owner is told.
     */
    private void promiseAndTell(SupportCase supportCase, Rung to, StaffMember holder, ClimbCause cause, Instant now) {
        var owner = customers.get(supportCase.getCustomerId());
        var dueAt = clocks.afterBusinessTime(
                supportCase.getId(), notices.sendableAt(owner, now), properties.recoveryTime());
        var system = new Actor("system", "Direct Line", supportCase.getChannel());
        promises.record(
                supportCase.getId(),
                "Get back to the owner about the delay on " + supportCase.reference(),
                dueAt,
                holder.username(),
                system);
        var zone = ZoneId.of(owner.getTimeZone());
        var lateness = cause == ClimbCause.PROMISE_BROKEN
                ? "we did not keep the promise we made you"
                : "we have not answered you as quickly as we promised";
        var body = "We are sorry: on your case " + supportCase.reference() + " (" + supportCase.getSubject() + ") "
                + lateness + ". Your case is now with " + holder.displayName() + ", " + to.description()
                + ". You will hear from us by " + OWNER_TIME.format(dueAt.atZone(zone)) + " (" + zone.getId() + ").";
        notices.tell(supportCase.getId(), body);
    }

    private Optional<StaffMember> holderOn(Rung rung, SupportCase supportCase) {
        return switch (rung) {
            case ASSIGNEE -> Optional.ofNullable(supportCase.getAssignee()).flatMap(users::staffMember);
            case TEAM_SUPERVISOR -> teamSupervisor(supportCase);
            case EXECUTIVE_OFFICE -> executiveOffice();
        };
    }

    /** A supervisor of the case's team, else of its assignee's team, else the first supervisor. */
    private Optional<StaffMember> teamSupervisor(SupportCase supportCase) {
        var supervisors = users.withRole(Role.SUPERVISOR);
        var team = supportCase.getTeam();
        if (team == null && supportCase.getAssignee() != null) {
            team = users.staffMember(supportCase.getAssignee())
                    .map(StaffMember::team)
                    .orElse(null);
        }
        var ofTeam = team;
        return supervisors.stream()
                .filter(s -> ofTeam != null && ofTeam.equals(s.team()))
                .findFirst()
                .or(() -> supervisors.stream().findFirst());
    }

    private Optional<StaffMember> executiveOffice() {
        if (!properties.executiveOffice().isBlank()) {
            var configured = users.staffMember(properties.executiveOffice().strip());
            if (configured.isPresent()) {
                return configured;
            }
        }
        return users.withRole(Role.EXECUTIVE).stream().findFirst();
    }
}
