package io.directline.escalation.guard;

import static io.directline.escalation.EscalationFixtures.attempt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ReasonLengthTests {

    private final ReasonLength rule = new ReasonLength(40);

    @Test
    void refusesAShortReasonAndSaysHowManyCharactersAreMissing() {
        var decision = rule.check(attempt().reason("Call me now!").build());

        assertThat(decision.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(decision.reason())
                .isEqualTo("Please tell the executive what went wrong in at least 40 characters: your reason has 12,"
                        + " so 28 more characters are needed.");
    }

    @Test
    void paddingWithWhiteSpaceDoesNotCount() {
        var padded = "   Call      me\n\n\n\t now!" + " ".repeat(100);

        assertThat(rule.check(attempt().reason(padded).build()).reason()).contains("your reason has 12");
    }

    @Test
    void allowsExactlyTheMinimumAndRefusesOneCharacterLess() {
        var forty = "a".repeat(40);

        assertThat(rule.check(attempt().reason(forty).build()).kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
        assertThat(rule.check(attempt().reason(forty.substring(1)).build()).reason())
                .endsWith("so 1 more character is needed.");
    }

    @Test
    void oneRealSentenceIsEnough() {
        var decision = rule.check(
                attempt().reason("my car has been at the dealer for 3 weeks").build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
    }

    @Test
    void aMissingReasonHasNoCharacters() {
        assertThat(rule.check(attempt().reason(null).build()).reason()).contains("your reason has 0, so 40 more");
    }
}
