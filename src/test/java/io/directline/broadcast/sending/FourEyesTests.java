package io.directline.broadcast.sending;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FourEyesTests {

    private final FourEyes rule = new FourEyes(1000);

    @Test
    void refusesTheCreatorAboveTheThresholdSayingWhy() {
        var decision = rule.mayApprove("sam", "sam", 1001);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason())
                .contains("1,001 owners")
                .contains("more than 1,000")
                .contains("second person");
    }

    @Test
    void letsASecondPersonApproveAboveTheThreshold() {
        assertThat(rule.mayApprove("erin", "sam", 400_000).allowed()).isTrue();
    }

    @Test
    void letsTheCreatorApproveUpToTheThreshold() {
        assertThat(rule.mayApprove("sam", "sam", 1000).allowed()).isTrue();
    }
}
