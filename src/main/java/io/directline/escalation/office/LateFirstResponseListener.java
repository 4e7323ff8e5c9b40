package io.directline.escalation.office;

import io.directline.cases.CaseManagement;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import io.directline.sla.OwnerNotifier;
import io.directline.sla.PromiseBroken;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The executive did not answer by the time they promised: the escalation is marked late, the trail says so and the
 * owner is told the truth (the watchdog's ladder has already reminded the executive office).
 */
@Component
class LateFirstResponseListener {

    private final ExecutiveEscalationRepository escalations;
    private final EscalationStepRepository steps;
    private final CaseManagement cases;
    private final UserManagement users;
    private final OwnerNotifier notices;

    LateFirstResponseListener(
            ExecutiveEscalationRepository escalations,
            EscalationStepRepository steps,
            CaseManagement cases,
            UserManagement users,
            OwnerNotifier notices) {
        this.escalations = escalations;
        this.steps = steps;
        this.cases = cases;
        this.users = users;
        this.notices = notices;
    }

    @ApplicationModuleListener
    void on(PromiseBroken broken) {
        escalations.findByPromiseId(broken.promiseId()).ifPresent(escalation -> {
            if (escalation.getFirstResponseAt() != null || escalation.isFirstResponseLate()) {
                return;
            }
            escalation.firstResponseLate();
            var executive = users.staffMember(escalation.getExecutive())
                    .map(StaffMember::displayName)
                    .orElse(escalation.getExecutive());
            steps.record(
                    escalation,
                    broken.brokenAt(),
                    "system",
                    EscalationStep.Kind.FIRST_RESPONSE_LATE,
                    executive + " did not answer by " + broken.dueAt() + "; the executive office was reminded.");
            var supportCase = cases.get(escalation.getCaseId());
            notices.tell(
                    escalation.getCaseId(),
                    "We are sorry: " + executive + " has not answered you on " + supportCase.reference()
                            + " by the time we promised. The executive office has been told and your case stays"
                            + " with them until you have a personal answer.");
        });
    }
}
