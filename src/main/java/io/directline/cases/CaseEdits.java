package io.directline.cases;

import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.audit.CaseTrail;
import io.directline.identity.UserManagement;
import java.time.Clock;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Changes a case's status, assignment, team, priority and tags, and hands it up the escalation ladder, with a line on
 * its trail for each change. {@link CaseManagement} holds the transactions and the contracts; this class runs inside
 * them.
 */
@Component
class CaseEdits {

    private final SupportCaseRepository cases;
    private final CaseTrail trail;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseEdits(
            SupportCaseRepository cases,
            CaseTrail trail,
            UserManagement users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.trail = trail;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    SupportCase escalate(long caseId, String holder, String reason, Actor actor) {
        var supportCase = get(caseId);
        if (users.staffMember(holder).isEmpty()) {
            throw CaseProblems.unknownAssignee(holder);
        }
        var now = clock.instant();
        var before = supportCase.getAssignee();
        supportCase.assignTo(holder, now);
        trail.record(
                supportCase,
                now,
                actor,
                "ESCALATED",
                (before == null ? "Unassigned" : before) + " → " + holder + ": " + reason);
        return supportCase;
    }

    SupportCase change(long caseId, CaseChanges changes, Actor actor) {
        var supportCase = get(caseId);
        // all input is checked before anything changes
        var team = changes.team() == null ? null : SupportCase.team(changes.team());
        var tags = changes.tags() == null ? null : SupportCase.tags(changes.tags());
        var now = clock.instant();
        if (changes.status() != null) {
            var from = supportCase.moveTo(changes.status(), now);
            trail.statusChanged(supportCase, from, now, actor, null);
        }
        if (changes.assignee() != null) {
            var assignee =
                    changes.assignee().isBlank() ? null : changes.assignee().strip();
            if (assignee != null && users.staffMember(assignee).isEmpty()) {
                throw CaseProblems.unknownAssignee(assignee);
            }
            if (!Objects.equals(assignee, supportCase.getAssignee())) {
                supportCase.assignTo(assignee, now);
                trail.record(
                        supportCase,
                        now,
                        actor,
                        "ASSIGNED",
                        assignee == null ? "Unassigned" : "Assigned to " + assignee);
            }
        }
        if (changes.team() != null) {
            if (!Objects.equals(team, supportCase.getTeam())) {
                supportCase.moveToTeam(team, now);
                trail.record(supportCase, now, actor, "TEAM_CHANGED", team == null ? "No team" : "Team " + team);
            }
        }
        if (changes.priority() != null && changes.priority() != supportCase.getPriority()) {
            var before = supportCase.getPriority();
            supportCase.prioritize(changes.priority(), now);
            trail.record(supportCase, now, actor, "PRIORITY_CHANGED", before + " → " + changes.priority());
            events.publishEvent(
                    new CasePriorityChanged(caseId, supportCase.getCustomerId(), before, changes.priority(), now));
        }
        if (tags != null && supportCase.retag(tags, now)) {
            trail.record(supportCase, now, actor, "TAGS_CHANGED", String.join(", ", supportCase.getTags()));
        }
        return supportCase;
    }

    private SupportCase get(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> CaseProblems.caseNotFound(caseId));
    }
}
