package io.directline.escalation.guard;

import static io.directline.escalation.EscalationFixtures.attempt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CaseBelongsToOwnerTests {

    private final CaseBelongsToOwner rule = new CaseBelongsToOwner();

    @Test
    void refusesAnotherOwnersCaseExactlyAsACaseThatDoesNotExist() {
        var decision = rule.check(attempt().notTheOwners().build());

        assertThat(decision.isRefused()).isTrue();
        assertThat(decision.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(decision.reason()).isEqualTo("There is no case with id 42.");
        assertThat(decision.retryAfter()).isNull();
    }

    @Test
    void allowsTheOwnersOwnCase() {
        var decision = rule.check(attempt().build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
        assertThat(decision.reason()).isEqualTo("Case DL-000042 is yours.");
    }
}
