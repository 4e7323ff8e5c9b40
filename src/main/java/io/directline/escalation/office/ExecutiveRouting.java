package io.directline.escalation.office;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.customer.CustomerManagement;
import io.directline.escalation.guard.InWords;
import io.directline.escalation.ladder.EscalationLadder;
import io.directline.identity.Role;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import io.directline.sla.Promises;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Routes an escalation to the executive of its domain, who owes the owner a personal first response: the case climbs
 * to them on the ladder, their answer is recorded as a promise, and the owner is told who answers and by when. Runs
 * inside the caller's transaction (the owner's request, or the office's approval).
 */
@Component
class ExecutiveRouting {

    private final EscalationStepRepository steps;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Promises promises;
    private final EscalationLadder ladder;
    private final EscalationProperties properties;

    ExecutiveRouting(
            EscalationStepRepository steps,
            CaseManagement cases,
            CustomerManagement customers,
            UserManagement users,
            Promises promises,
            EscalationLadder ladder,
            EscalationProperties properties) {
        this.steps = steps;
        this.cases = cases;
        this.customers = customers;
        this.users = users;
        this.promises = promises;
        this.ladder = ladder;
        this.properties = properties;
    }

    /** The executive of a domain: the configured one when they are an executive, else the first executive. */
    StaffMember executiveFor(String domain) {
        var configured = properties.domains().entrySet().stream()
                .filter(e -> e.getKey().strip().equalsIgnoreCase(domain))
                .map(e -> e.getValue().strip())
                .findFirst()
                .flatMap(users::staffMember)
                .filter(s -> s.roles().contains(Role.EXECUTIVE));
        return configured
                .or(() -> users.withRole(Role.EXECUTIVE).stream().findFirst())
                .orElseThrow(EscalationProblems::noExecutive);
    }

    void route(ExecutiveEscalation escalation, StaffMember executive, Instant now) {
        escalation.routeTo(executive.username(), properties.firstResponse(), now);
        var caseId = escalation.getCaseId();
        ladder.toExecutive(
                caseId, executive.username(), "The owner took the case to an executive: " + escalation.getReason());
        var supportCase = cases.get(caseId);
        var system = Actor.system(supportCase.getChannel());
        var promise = promises.record(
                caseId,
                "A personal answer from " + executive.displayName() + " to the owner's executive escalation",
                escalation.getFirstResponseDue(),
                executive.username(),
                system);
        escalation.promised(promise.getId());
        var zone = ZoneId.of(customers.get(supportCase.getCustomerId()).getTimeZone());
        var due = InWords.time(escalation.getFirstResponseDue(), zone);
        steps.record(
                escalation,
                now,
                "system",
                EscalationStep.Kind.ROUTED,
                "Routed to " + executive.displayName() + " (" + escalation.getDomain() + "); personal answer due by "
                        + due + ".");
        cases.notifyOwner(
                caseId,
                "Your case " + supportCase.reference() + " is now with " + executive.displayName()
                        + ", our executive for " + escalation.getDomain() + ", who will answer you personally by "
                        + due + ".",
                system);
    }
}
