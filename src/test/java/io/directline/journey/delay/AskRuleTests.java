package io.directline.journey.delay;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.journey.Milestone;
import io.directline.journey.delay.AskRule.Candidate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AskRuleTests {

    private static final Instant ASKED = Instant.parse("2026-11-10T12:00:00Z");
    private static final Instant BEFORE = ASKED.minusSeconds(3600);

    @Test
    void ownerWhoNamesADelayedOrderTheyWereNotToldOfHadToAsk() {
        var asked = AskRule.decide(
                "ord-1", "Where is my car?", List.of(new Candidate("ORD-1", Milestone.DELIVERED, true, null)), ASKED);

        assertThat(asked).hasValueSatisfying(a -> {
            assertThat(a.told()).isFalse();
            assertThat(a.about().orderRef()).isEqualTo("ORD-1");
        });
    }

    @Test
    void ownerToldBeforeTheyWroteWasToldBeforeAsking() {
        var asked = AskRule.decide(
                null,
                "About ORD-1: is the new date sure?",
                List.of(new Candidate("ORD-1", Milestone.DELIVERED, true, BEFORE)),
                ASKED);

        assertThat(asked).hasValueSatisfying(a -> assertThat(a.toldAt()).isEqualTo(BEFORE));
    }

    @Test
    void beingToldAfterAskingDoesNotCount() {
        var asked = AskRule.decide(
                "ORD-1", "", List.of(new Candidate("ORD-1", Milestone.DELIVERED, true, ASKED.plusSeconds(1))), ASKED);

        assertThat(asked).hasValueSatisfying(a -> assertThat(a.told()).isFalse());
    }

    @Test
    void anOrderOnTimeOrNotMentionedIsNoAsk() {
        var onTime = List.of(new Candidate("ORD-1", Milestone.DELIVERED, false, null));
        assertThat(AskRule.decide("ORD-1", "ORD-1", onTime, ASKED)).isEmpty();

        var delayed = List.of(new Candidate("ORD-1", Milestone.DELIVERED, true, null));
        assertThat(AskRule.decide(null, "My order ORD-12 and ORD-1X", delayed, ASKED))
                .as("a longer reference is another order")
                .isEmpty();
        assertThat(AskRule.decide(null, "The seats squeak.", delayed, ASKED)).isEmpty();
    }

    @Test
    void oneUntoldDelayAmongToldOnesMeansTheOwnerHadToAsk() {
        var asked = AskRule.decide(
                "ORD-1",
                "",
                List.of(
                        new Candidate("ORD-1", Milestone.IN_PRODUCTION, true, BEFORE),
                        new Candidate("ORD-1", Milestone.DELIVERED, true, null)),
                ASKED);

        assertThat(asked).hasValueSatisfying(a -> {
            assertThat(a.told()).isFalse();
            assertThat(a.about().milestone()).isEqualTo(Milestone.DELIVERED);
        });
    }
}
