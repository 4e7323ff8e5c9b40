package io.directline.experience.recovery;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How recoveries run.
 *
 * @param recoveryWindow a recovery counts as recovered when the owner's balance is back at zero or above within this
 *     time of its start, and lapses after it
 * @param goodwillApprovalAbove a goodwill gesture above this amount (USD) waits for a supervisor's approval
 * @param recoveryLapseCron when open recoveries past their window lapse
 * @param recoveryStartLimit a bad experience that reaches the ledger longer after it happened (imported history)
 *     starts no recovery: too late to call the owner back about it
 */
@Validated
@ConfigurationProperties("directline.experience")
record RecoveryProperties(
        @DefaultValue("90d") @NotNull Duration recoveryWindow,
        @DefaultValue("100") @NotNull @DecimalMin("0") BigDecimal goodwillApprovalAbove,
        @DefaultValue("0 25 3 * * *") @NotNull String recoveryLapseCron,
        @DefaultValue("7d") @NotNull Duration recoveryStartLimit) {}
