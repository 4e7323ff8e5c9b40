package io.directline.escalation.responder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.escalation.responder.ResponderDecision.Availability;
import io.directline.identity.StaffAvailability;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The honour-or-not decision, at a fixed instant: Friday 20 November 2026, 10:00 UTC (11:00 in Berlin). */
class ResponderChoiceTests {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final ZoneId OWNER = ZoneId.of("Europe/Berlin");
    private static final ZoneId STAFF = ZoneId.of("America/New_York");
    /** Monday 23 November 2026, 08:00 in New York: 14:00 in Berlin. */
    private static final Instant MONDAY_START = Instant.parse("2026-11-23T13:00:00Z");

    private final ResponderChoice choice = new ResponderChoice(25);

    @Test
    void honouredWhenAtWorkWithRoom() {
        var alex = candidate("alex", "Alex Agent", atWork(), 24, false);

        var decision = choice.decide(ResponderKind.PREVIOUS_AGENT, List.of(alex), false, NOW, OWNER);

        assertThat(decision.honoured()).isTrue();
        assertThat(decision.assigned()).isTrue();
        assertThat(decision.availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(decision.availableFrom()).isEqualTo(NOW);
        assertThat(decision.message())
                .isEqualTo("Alex Agent, who answered you before, has your case now and will answer you.");
    }

    @Test
    void offWorkIsNotHonouredAndTheOwnerIsToldWhenInTheirTimeZone() {
        var alex = candidate("alex", "Alex Agent", offUntil(MONDAY_START), 3, false);

        var decision = choice.decide(ResponderKind.PREVIOUS_AGENT, List.of(alex), false, NOW, OWNER);

        assertThat(decision.honoured()).isFalse();
        assertThat(decision.assigned()).as("the case stays with its team").isFalse();
        assertThat(decision.availability()).isEqualTo(Availability.OFF_WORK);
        assertThat(decision.availableFrom()).isEqualTo(MONDAY_START);
        assertThat(decision.message())
                .isEqualTo("Alex Agent, who answered you before, is not at work now and starts again on Monday 23"
                        + " November 2026 at 14:00 (Europe/Berlin). Your case stays with our team, who can answer you"
                        + " sooner; or you can choose to wait for Alex Agent.");
    }

    @Test
    void anOwnerWhoWaitsGivesThemTheCaseAndIsToldWhenTheyWillAnswer() {
        var alex = candidate("alex", "Alex Agent", offUntil(MONDAY_START), 3, false);

        var decision = choice.decide(ResponderKind.PREVIOUS_AGENT, List.of(alex), true, NOW, OWNER);

        assertThat(decision.honoured()).isFalse();
        assertThat(decision.waiting()).isTrue();
        assertThat(decision.assigned()).isTrue();
        assertThat(decision.message())
                .contains("As you chose, your case waits for them.")
                .contains("They will answer you from Monday 23 November 2026 at 14:00 (Europe/Berlin).");
    }

    @Test
    void atCapacityIsNotHonouredEvenAtWork() {
        var alex = candidate("alex", "Alex Agent", atWork(), 25, false);

        var decision = choice.decide(ResponderKind.PREVIOUS_AGENT, List.of(alex), false, NOW, OWNER);

        assertThat(decision.honoured()).isFalse();
        assertThat(decision.assigned()).isFalse();
        assertThat(decision.availability()).isEqualTo(Availability.NO_ROOM);
        assertThat(decision.availableFrom()).isNull();
        assertThat(decision.message()).contains("has too many cases just now").contains("stays with our team");
    }

    @Test
    void theCaseTheyHoldDoesNotCountAgainstTheirRoom() {
        var alex = candidate("alex", "Alex Agent", atWork(), 25, true);

        assertThat(choice.decide(ResponderKind.PREVIOUS_AGENT, List.of(alex), false, NOW, OWNER)
                        .honoured())
                .isTrue();
    }

    @Test
    void whoeverHoldsTheCaseKeepsItWhenOffWork() {
        var alex = candidate("alex", "Alex Agent", offUntil(MONDAY_START), 3, true);

        var decision = choice.decide(ResponderKind.PREVIOUS_AGENT, List.of(alex), false, NOW, OWNER);

        assertThat(decision.honoured()).isFalse();
        assertThat(decision.assigned()).isTrue();
        assertThat(decision.message()).contains("Your case is theirs.");
    }

    @Test
    void someoneWithNoWorkingTimeIsNeverWaitedFor() {
        var alex = candidate("alex", "Alex Agent", new StaffAvailability("alex", false, null, STAFF), 0, false);

        var decision = choice.decide(ResponderKind.PREVIOUS_AGENT, List.of(alex), true, NOW, OWNER);

        assertThat(decision.availability()).isEqualTo(Availability.AWAY);
        assertThat(decision.assigned()).isFalse();
        assertThat(decision.availableFrom()).isNull();
        assertThat(decision.message()).contains("is away").contains("stays with our team");
    }

    @Test
    void theFirstSupervisorWhoCanAnswerNowGetsTheCase() {
        var teamFull = candidate("sam", "Sam Super", atWork(), 30, false);
        var teamOff = candidate("sue", "Sue Super", offUntil(MONDAY_START), 0, false);
        var other = candidate("oli", "Oli Super", atWork(), 2, false);

        var decision = choice.decide(ResponderKind.SUPERVISOR, List.of(teamFull, teamOff, other), false, NOW, OWNER);

        assertThat(decision.honoured()).isTrue();
        assertThat(decision.responder().username()).isEqualTo("oli");
        assertThat(decision.message()).isEqualTo("Oli Super, a supervisor, has your case now and will answer you.");
    }

    @Test
    void whenNoSupervisorCanAnswerTheOwnerHearsOfTheOneBackSoonestWithRoom() {
        var full = candidate("sam", "Sam Super", atWork(), 30, false);
        var later = candidate("sue", "Sue Super", offUntil(MONDAY_START.plusSeconds(3600)), 0, false);
        var sooner = candidate("oli", "Oli Super", offUntil(MONDAY_START), 0, false);

        var decision = choice.decide(ResponderKind.SUPERVISOR, List.of(full, later, sooner), false, NOW, OWNER);

        assertThat(decision.honoured()).isFalse();
        assertThat(decision.responder().username()).isEqualTo("oli");
        assertThat(decision.availableFrom()).isEqualTo(MONDAY_START);
        assertThat(decision.message())
                .startsWith("No supervisor can answer you right now. Oli Super, a supervisor, is not at work now");
    }

    @Test
    void theTeamIsNobodyToDecideAbout() {
        assertThatThrownBy(() -> choice.decide(ResponderKind.TEAM, List.of(), false, NOW, OWNER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ResponderCandidate candidate(
            String username, String name, StaffAvailability availability, long cases, boolean holds) {
        return new ResponderCandidate(
                username,
                name,
                new StaffAvailability(username, availability.atWork(), availability.nextStart(), STAFF),
                cases,
                holds);
    }

    private static StaffAvailability atWork() {
        return new StaffAvailability("x", true, null, STAFF);
    }

    private static StaffAvailability offUntil(Instant start) {
        return new StaffAvailability("x", false, start, STAFF);
    }
}
