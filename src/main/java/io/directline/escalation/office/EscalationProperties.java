package io.directline.escalation.office;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The executive-escalation guard and the executive office.
 *
 * @param minCaseAge how long the team has a case before its owner may take it to an executive, unless we already
 *     broke a promise or missed an SLA on it
 * @param quota executive escalations per owner within {@code quotaWindow}; 0 allows them only where we failed
 * @param quotaWindow the rolling window of the quota; also how long a frivolous or refused mark calls for
 *     pre-approval
 * @param cooldown the least time between two executive escalations of one owner
 * @param minReasonLength the fewest characters of the owner's reason, counted after trimming and collapsing white
 *     space. 40 is one real sentence ("my car has been at the dealer for 3 weeks" is 41): enough to tell the
 *     executive what went wrong and to make "urgent!!!" or "call me" not enough, short enough for an upset owner
 *     typing on a phone
 * @param domains the executive who answers each domain (delivery, service, billing, product…), by username
 * @param firstResponse the executive's target for the first response to an escalation
 */
@Validated
@ConfigurationProperties("directline.escalation")
public record EscalationProperties(
        @DefaultValue("24h") @NotNull @DurationMin(seconds = 0)
        Duration minCaseAge,

        @DefaultValue("2") @PositiveOrZero int quota,

        @DefaultValue("90d") @NotNull @DurationMin(seconds = 1)
        Duration quotaWindow,

        @DefaultValue("7d") @NotNull @DurationMin(seconds = 0)
        Duration cooldown,

        @DefaultValue("40") @PositiveOrZero int minReasonLength,
        @DefaultValue Map<@NotBlank String, @NotBlank String> domains,

        @DefaultValue("24h") @NotNull @DurationMin(seconds = 1)
        Duration firstResponse) {}
