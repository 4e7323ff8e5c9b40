package io.directline.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** Which policy a case gets: the most specific active one, the oldest among equals. */
class SlaPolicyPickTests {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    /** As seeded by V9: id 1, for any channel, priority and tier. */
    private final SlaPolicy standard = policy(1, "Standard", null, null, null);

    private final SlaPolicy email = policy(51, "E-mail", Channel.EMAIL, null, null);
    private final SlaPolicy vipUrgentEmail = policy(101, "VIP urgent e-mail", Channel.EMAIL, Priority.URGENT, Tier.VIP);

    @Test
    void channelPriorityAndTierBeatChannelOnlyWhichBeatsTheStandardPolicy() {
        var all = List.of(standard, email, vipUrgentEmail);

        assertThat(pick(all, Channel.EMAIL, Priority.URGENT, Tier.VIP)).isEqualTo("VIP urgent e-mail");
        assertThat(pick(all, Channel.EMAIL, Priority.NORMAL, Tier.VIP)).isEqualTo("E-mail");
        assertThat(pick(all, Channel.EMAIL, Priority.URGENT, Tier.STANDARD)).isEqualTo("E-mail");
        assertThat(pick(all, Channel.PORTAL, Priority.URGENT, Tier.VIP)).isEqualTo("Standard");
    }

    @Test
    void theOrderOfThePoliciesDoesNotMatter() {
        var reversed = new ArrayList<>(List.of(vipUrgentEmail, email, standard));

        assertThat(pick(reversed, Channel.EMAIL, Priority.URGENT, Tier.VIP)).isEqualTo("VIP urgent e-mail");
        assertThat(pick(reversed, Channel.EMAIL, Priority.LOW, Tier.PREMIUM)).isEqualTo("E-mail");
    }

    @Test
    void aRetiredPolicyIsNoLongerPicked() {
        vipUrgentEmail.retire(NOW);
        email.retire(NOW);

        assertThat(pick(List.of(standard, email, vipUrgentEmail), Channel.EMAIL, Priority.URGENT, Tier.VIP))
                .isEqualTo("Standard");
    }

    @Test
    void amongEquallySpecificPoliciesTheOldestWins() {
        var urgent = policy(151, "Urgent", null, Priority.URGENT, null);
        var laterEmail = policy(201, "Later e-mail", Channel.EMAIL, null, null);

        assertThat(pick(List.of(laterEmail, urgent, email, standard), Channel.EMAIL, Priority.URGENT, Tier.VIP))
                .isEqualTo("E-mail");
    }

    @Test
    void noPolicyWhenNoneApplies() {
        assertThat(SlaPolicies.mostSpecific(List.of(email, vipUrgentEmail), Channel.SMS, Priority.URGENT, Tier.VIP))
                .isEmpty();
    }

    private static String pick(List<SlaPolicy> policies, Channel channel, Priority priority, Tier tier) {
        return SlaPolicies.mostSpecific(policies, channel, priority, tier)
                .map(SlaPolicy::getName)
                .orElse("none");
    }

    private static SlaPolicy policy(long id, String name, Channel channel, Priority priority, Tier tier) {
        var policy = new SlaPolicy(
                new SlaPolicy.Definition(
                        name, channel, priority, tier, Duration.ofHours(4), null, null, ZoneOffset.UTC, null, Set.of()),
                NOW);
        // the id the database would have given it
        ReflectionTestUtils.setField(policy, "id", id);
        return policy;
    }
}
