package io.directline.escalation.responder;

import io.directline.escalation.guard.InWords;
import io.directline.escalation.responder.ResponderDecision.Availability;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Decides whether an owner's request for a staff member is honoured: it is when the person is at work and has room
 * (fewer than {@code capacity} active cases besides this one). Among several candidates (supervisors) the first in
 * the given order who can answer now gets the case; when none can, the owner is told about the one worth waiting
 * for — with room, back soonest — and the case stays with its team unless the owner chose to wait for them. Someone
 * with no working time at all is never waited for. Whoever holds the case already keeps it.
 */
final class ResponderChoice {

    private final int capacity;

    ResponderChoice(int capacity) {
        this.capacity = capacity;
    }

    /**
     * @param kind what the owner asked for: {@link ResponderKind#PREVIOUS_AGENT} or {@link ResponderKind#SUPERVISOR}
     * @param candidates those who could answer, most preferred first; not empty
     * @param waitIfBusy whether the owner would rather wait for them than have the team answer sooner
     * @param now when the owner asked
     * @param ownerZone the owner's time zone, for the times the sentence names
     */
    ResponderDecision decide(
            ResponderKind kind,
            List<ResponderCandidate> candidates,
            boolean waitIfBusy,
            Instant now,
            ZoneId ownerZone) {
        if (kind == ResponderKind.TEAM || candidates.isEmpty()) {
            throw new IllegalArgumentException("a choice needs someone to ask for");
        }
        var free = candidates.stream().filter(c -> c.canAnswerNow(capacity)).findFirst();
        if (free.isPresent()) {
            var chosen = free.get();
            return new ResponderDecision(
                    chosen,
                    Availability.AVAILABLE,
                    true,
                    false,
                    now,
                    who(kind, chosen) + " has your case now and will answer you.");
        }
        var none = kind == ResponderKind.SUPERVISOR && candidates.size() > 1
                ? "No supervisor can answer you right now. "
                : "";
        var backSoonest = candidates.stream()
                .filter(c -> c.hasRoom(capacity) && c.availability().nextStart() != null)
                .min(Comparator.comparing(c -> c.availability().nextStart()));
        if (backSoonest.isPresent()) {
            var chosen = backSoonest.get();
            var from = chosen.availability().nextStart();
            var when = InWords.time(from, ownerZone);
            return waitOrTeam(
                    kind,
                    chosen,
                    Availability.OFF_WORK,
                    waitIfBusy,
                    from,
                    none + who(kind, chosen) + " is not at work now and starts again on " + when + ".",
                    " They will answer you from " + when + ".");
        }
        var withRoom = candidates.stream().filter(c -> c.hasRoom(capacity)).findFirst();
        if (withRoom.isPresent()) {
            var chosen = withRoom.get();
            var away = none + who(kind, chosen) + " is away, and we cannot say yet when they will be back.";
            return chosen.holdsCase()
                    ? new ResponderDecision(
                            chosen,
                            Availability.AWAY,
                            false,
                            true,
                            null,
                            away + " Your case is still theirs; choose our team if you would rather someone else"
                                    + " answered you.")
                    : new ResponderDecision(
                            chosen,
                            Availability.AWAY,
                            false,
                            false,
                            null,
                            away + " Your case stays with our team, who will answer you.");
        }
        var busiest = candidates.get(0);
        return waitOrTeam(
                kind,
                busiest,
                Availability.NO_ROOM,
                waitIfBusy,
                null,
                none + who(kind, busiest) + " has too many cases just now to take yours soon.",
                " Their answer may take longer than our team's.");
    }

    private static ResponderDecision waitOrTeam(
            ResponderKind kind,
            ResponderCandidate chosen,
            Availability availability,
            boolean waitIfBusy,
            Instant availableFrom,
            String why,
            String whenWaiting) {
        if (waitIfBusy || chosen.holdsCase()) {
            return new ResponderDecision(
                    chosen,
                    availability,
                    false,
                    true,
                    availableFrom,
                    why + " " + (chosen.holdsCase() ? "Your case is theirs" : "As you chose, your case waits for them")
                            + "." + whenWaiting + " Choose our team if you would rather someone else answered you.");
        }
        return new ResponderDecision(
                chosen,
                availability,
                false,
                false,
                availableFrom,
                why + " Your case stays with our team, who can answer you sooner; or you can choose to wait for "
                        + chosen.displayName() + ".");
    }

    /** "Alex Agent, who answered you before," reads as the subject of a sentence. */
    private static String who(ResponderKind kind, ResponderCandidate candidate) {
        return switch (kind) {
            case PREVIOUS_AGENT -> candidate.displayName() + ", who answered you before,";
            case SUPERVISOR -> candidate.displayName() + ", a supervisor,";
            case TEAM -> throw new IllegalArgumentException("the team is nobody in particular");
        };
    }
}
