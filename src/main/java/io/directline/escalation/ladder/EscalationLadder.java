package io.directline.escalation.ladder;
















import io.directline.sla.clock.StoredClock;
import io.directline.sla.clock.CaseSlaRepository;
import io.directline.escalation.notification.StaffNotificationRepository;
import io.directline.escalation.Rung;
import io.directline.sla.Promise;
import io.directline.sla.Promises;
import io.directline.sla.policy.BusinessCalendar;
import io.directline.sla.clock.SlaProperties;
import io.directline.sla.policy.SlaPolicies;
import io.directline.sla.clock.CaseSla;
import io.directline.sla.OwnerNotifier;
import io.directline.escalation.CaseEscalated;
import io.directline.escalation.notification.StaffNotification;
import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseStatus;
import io.directline.cases.SupportCase;
import io.directline.customer.CustomerManagement;
import io.directline.identity.Role;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import java.time.Clock;
import java.time.Duration;
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
 */
@Service
@Transactional(readOnly = true)
public class EscalationLadder {

    /** Why a case climbed. */
    public enum Cause {
        SLA_BREACH,
        PROMISE_BROKEN,
        /** The owner took the case to an executive themselves. */
        OWNER_REQUEST
    }

    private static final DateTimeFormatter OWNER_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private final CaseSlaRepository slas;
    private final LadderStepRepository trail;
    private final StaffNotificationRepository notifications;
    private final SlaPolicies policies;
    private final Promises promises;
    private final OwnerNotifier notices;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final SlaProperties properties;
    private final Clock clock;

    EscalationLadder(
            CaseSlaRepository slas,
            LadderStepRepository trail,
            StaffNotificationRepository notifications,
            SlaPolicies policies,
            Promises promises,
            OwnerNotifier notices,
            CaseManagement cases,
            CustomerManagement customers,
            UserManagement users,
            ApplicationEventPublisher events,
            SlaProperties properties,
            Clock clock) {
        this.slas = slas;
        this.trail = trail;
        this.notifications = notifications;
        this.policies = policies;
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

    /** The reason recorded when a clock breaches, in words the holder and the owner understand. */
    static String reasonFor(StoredClock clock) {
        var what = switch (clock.getKind()) {
            case FIRST_RESPONSE -> "the owner has waited for a first answer";
            case NEXT_RESPONSE -> "the owner has waited for an answer";
            case RESOLUTION -> "the case has waited for a resolution";
        };
        return clock.getKind().label() + " target of " + hours(clock.getTarget()) + " missed: " + what + " since "
                + clock.getStartedAt() + ".";
    }

    static String reasonFor(Promise promise) {
        return "Promise broken: \"" + promise.getDescription() + "\" was due " + promise.getDueAt() + " ("
                + promise.getResponsible() + ").";
    }

    /**
     * Climbs a case one rung because time ran out, in the caller's transaction. Does nothing for a closed
     * case. Returns the step recorded on the trail.
     */
    @Transactional
    public Optional<LadderStep> climb(long caseId, Cause cause, String reason) {
        var supportCase = cases.get(caseId);
        if (supportCase.getStatus() == CaseStatus.CLOSED) {
            return Optional.empty();
        }
        var sla = slas.findById(caseId).orElseGet(() -> slas.save(new CaseSla(caseId, null)));
        var from = sla.getRung();
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
        sla.climbedTo(to, newHolder.username());
        var step = trail.save(new LadderStep(caseId, to, cause, reason, previous, newHolder.username(), now));
        notifications.save(new StaffNotification(
                newHolder.username(),
                caseId,
                supportCase.reference() + " is yours now (" + to.label().toLowerCase(Locale.ROOT) + "): " + reason,
                now));
        events.publishEvent(new CaseEscalated(caseId, from, to, newHolder.username(), cause, reason, now));
        if (to != from) {
            // a new holder promises to get back to the owner; at the top the executive office is reminded and
            // must act in person: no automatic promise that would break, and be broken again, every few hours
            promiseAndTell(supportCase, sla, to, newHolder, cause, now);
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
        var sla = slas.findById(caseId).orElseGet(() -> slas.save(new CaseSla(caseId, null)));
        var from = sla.getRung();
        var previous = supportCase.getAssignee();
        var now = clock.instant();
        cases.escalate(caseId, executive, reason, Actor.system(supportCase.getChannel()));
        sla.climbedTo(Rung.EXECUTIVE_OFFICE, executive);
        var step = trail.save(
                new LadderStep(caseId, Rung.EXECUTIVE_OFFICE, Cause.OWNER_REQUEST, reason, previous, executive, now));
        notifications.save(new StaffNotification(
                executive, caseId, supportCase.reference() + " was escalated to you by its owner: " + reason, now));
        events.publishEvent(
                new CaseEscalated(caseId, from, Rung.EXECUTIVE_OFFICE, executive, Cause.OWNER_REQUEST, reason, now));
        return step;
    }

    /**
     * The new holder promises to get back to the owner within the recovery time, counted on the case's
     * calendar from the moment the owner may be contacted (after their quiet hours), and the owner is told.
     */
    private void promiseAndTell(
            SupportCase supportCase, CaseSla sla, Rung to, StaffMember holder, Cause cause, Instant now) {
        var calendar = sla.getPolicyId() == null
                ? BusinessCalendar.twentyFourSeven()
                : policies.calendarOf(policies.get(sla.getPolicyId()));
        var owner = customers.get(supportCase.getCustomerId());
        var dueAt = calendar.addBusinessTime(notices.sendableAt(owner, now), properties.recoveryTime());
        var system = new Actor("system", "Direct Line", supportCase.getChannel());
        promises.record(
                supportCase.getId(),
                "Get back to the owner about the delay on " + supportCase.reference(),
                dueAt,
                holder.username(),
                system);
        var zone = ZoneId.of(owner.getTimeZone());
        var lateness = cause == Cause.PROMISE_BROKEN
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

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            return (minutes / 60) + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }
}
