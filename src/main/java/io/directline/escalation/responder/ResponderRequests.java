package io.directline.escalation.responder;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import io.directline.identity.Role;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner chooses who answers their case: the agent they dealt with before, a supervisor, or the team. A request
 * is honoured when the person is at work and has room, and the case becomes theirs; otherwise the owner is told why
 * and when, and the case stays with its team unless the owner chose to wait for them. Every change of the case is
 * on its audit trail with the owner as actor, and staff read the owner's choice as an internal note. The choice is
 * state: asking again for the same changes nothing.
 */
@Service
@Transactional(readOnly = true)
class ResponderRequests {

    /** How many recent answerers to look through for one who is still on the staff. */
    private static final int PREVIOUS_AGENTS_LOOKED_AT = 10;

    private final RequestedResponderRepository requests;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final ResponderChoice choice;
    private final Clock clock;

    ResponderRequests(
            RequestedResponderRepository requests,
            CaseManagement cases,
            CustomerManagement customers,
            UserManagement users,
            ResponderProperties properties,
            Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.customers = customers;
        this.users = users;
        this.choice = new ResponderChoice(properties.capacity());
        this.clock = clock;
    }

    /** What the owner is answered. */
    record ResponderAnswer(
            long caseId,
            Responder responder,
            boolean honoured,
            boolean waiting,
            Instant availableFrom,
            String message) {

        /** Who answers: a staff member's name, or the team's. */
        record Responder(ResponderKind kind, String name) {}
    }

    /**
     * Records the owner's choice and acts on it. Throws a 404 problem when the case is not the owner's, a 409
     * problem when it is resolved or closed, and a 409 problem when there is nobody of the kind asked for.
     */
    @Transactional
    ResponderAnswer request(long caseId, DirectLineUser owner, ResponderKind kind, boolean waitIfBusy) {
        var supportCase = cases.getForOwner(caseId, owner.customerId());
        if (!supportCase.getStatus().isActive()) {
            throw ResponderProblems.notActive(caseId, supportCase.getStatus());
        }
        var now = clock.instant();
        var zone = ZoneId.of(customers.get(owner.customerId()).getTimeZone());
        var ownerVoice = Actor.of(owner, Channel.PORTAL);
        var standing = requests.findById(caseId);
        var request = standing.orElseGet(() -> new RequestedResponder(caseId));

        if (kind == ResponderKind.TEAM) {
            giveBackToTeam(supportCase, standing, null, ownerVoice);
            var team = teamName(supportCase);
            var message = team + " has your case; whoever of them is free first will answer you.";
            if (request.choose(kind, null, null, true, false, false, message, now) && standing.isPresent()) {
                note(caseId, kind, message, supportCase);
            }
            requests.save(request);
            return new ResponderAnswer(caseId, new ResponderAnswer.Responder(kind, team), true, false, now, message);
        }

        var decision = choice.decide(kind, candidates(kind, supportCase, now), waitIfBusy, now, zone);
        var chosen = decision.responder();
        if (decision.assigned()) {
            if (!chosen.username().equals(supportCase.getAssignee())) {
                cases.escalate(
                        caseId,
                        chosen.username(),
                        "The owner asked for " + kind.toStaff()
                                + (decision.waiting() ? " and chose to wait for them." : "."),
                        ownerVoice);
            }
        } else {
            giveBackToTeam(supportCase, standing, chosen.username(), ownerVoice);
        }
        // the case is the chosen one's by the owner's choice unless they held it before the owner chose them
        boolean heldByChoice = standing.filter(RequestedResponder::isAssigned)
                .map(RequestedResponder::getUsername)
                .filter(chosen.username()::equals)
                .isPresent();
        boolean changed = request.choose(
                kind,
                chosen.username(),
                decision.availability(),
                decision.honoured(),
                decision.waiting(),
                decision.assigned() && (!chosen.holdsCase() || heldByChoice),
                decision.message(),
                now);
        if (changed) {
            note(caseId, kind, decision.message(), supportCase);
        }
        requests.save(request);
        return new ResponderAnswer(
                caseId,
                new ResponderAnswer.Responder(kind, chosen.displayName()),
                decision.honoured(),
                decision.waiting(),
                decision.availableFrom(),
                decision.message());
    }

    /** What the owner's case page shows: who answers now, and the owner's standing choice. */
    record Panel(
            long caseId,
            boolean active,
            String answering,
            boolean answeringByChoice,
            ResponderKind kind,
            String asked,
            String message,
            Instant requestedAt,
            boolean canWait) {}

    /** Throws a 404 problem when the case is not the owner's. */
    Panel panel(long caseId, DirectLineUser owner) {
        var supportCase = cases.getForOwner(caseId, owner.customerId());
        var standing = requests.findById(caseId);
        var byRequest =
                standing.filter(r -> r.isAssigned() && Objects.equals(r.getUsername(), supportCase.getAssignee()));
        var answering = byRequest.map(r -> displayName(r.getUsername())).orElseGet(() -> teamName(supportCase));
        return standing.map(r -> new Panel(
                        caseId,
                        supportCase.getStatus().isActive(),
                        answering,
                        byRequest.isPresent(),
                        r.getKind(),
                        r.getUsername() == null ? null : displayName(r.getUsername()),
                        r.getMessage(),
                        r.getRequestedAt(),
                        !r.isWaiting()
                                && (r.getAvailability() == ResponderDecision.Availability.OFF_WORK
                                        || r.getAvailability() == ResponderDecision.Availability.NO_ROOM)))
                .orElseGet(() -> new Panel(
                        caseId, supportCase.getStatus().isActive(), answering, false, null, null, null, null, false));
    }

    /**
     * Who could answer, most preferred first. The agent the owner dealt with before: the last one still on the staff
     * who answered them, on this case or an earlier one. A supervisor: the one holding the case, then those of the
     * case's team (else of its assignee's team), then every other.
     */
    private List<ResponderCandidate> candidates(ResponderKind kind, SupportCase supportCase, Instant now) {
        List<StaffMember> people;
        if (kind == ResponderKind.PREVIOUS_AGENT) {
            people = cases.answeredOwnerBefore(supportCase.getId(), PREVIOUS_AGENTS_LOOKED_AT).stream()
                    .map(users::staffMember)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .map(List::of)
                    .orElseThrow(ResponderProblems::noPreviousAgent);
        } else {
            people = supervisorsInOrder(supportCase);
            if (people.isEmpty()) {
                throw ResponderProblems.noSupervisor();
            }
        }
        var usernames = people.stream().map(StaffMember::username).toList();
        var availability = users.availability(usernames, now);
        var load = cases.activeCasesAssignedTo(usernames);
        return people.stream()
                .filter(p -> availability.containsKey(p.username()))
                .map(p -> new ResponderCandidate(
                        p.username(),
                        p.displayName(),
                        availability.get(p.username()),
                        load.getOrDefault(p.username(), 0L),
                        p.username().equals(supportCase.getAssignee())))
                .toList();
    }

    private List<StaffMember> supervisorsInOrder(SupportCase supportCase) {
        var supervisors = users.withRole(Role.SUPERVISOR);
        var team = Optional.ofNullable(supportCase.getTeam())
                .or(() -> Optional.ofNullable(supportCase.getAssignee())
                        .flatMap(users::staffMember)
                        .map(StaffMember::team))
                .orElse(null);
        return supervisors.stream()
                .sorted(Comparator.comparing((StaffMember s) -> !s.username().equals(supportCase.getAssignee()))
                        .thenComparing(s -> team == null || !team.equals(s.team())))
                .toList();
    }

    /**
     * Unassigns the case when the owner's standing choice gave it to someone, who still has it, and the owner now
     * chooses otherwise; a case someone held before the owner chose stays with them.
     */
    private void giveBackToTeam(
            SupportCase supportCase, Optional<RequestedResponder> standing, String keep, Actor ownerVoice) {
        standing.filter(RequestedResponder::isAssigned)
                .map(RequestedResponder::getUsername)
                .filter(username -> username.equals(supportCase.getAssignee()))
                .filter(username -> !username.equals(keep))
                .ifPresent(username ->
                        cases.change(supportCase.getId(), new CaseChanges(null, "", null, null, null), ownerVoice));
    }

    private void note(long caseId, ResponderKind kind, String told, SupportCase supportCase) {
        cases.addNote(
                caseId,
                "The owner asked for " + kind.toStaff() + " to answer. They were told: " + told,
                Actor.system(supportCase.getChannel()));
    }

    private String teamName(SupportCase supportCase) {
        return supportCase.getTeam() == null ? "Our team" : "Our " + supportCase.getTeam() + " team";
    }

    private String displayName(String username) {
        return users.staffMember(username).map(StaffMember::displayName).orElse(username);
    }
}
