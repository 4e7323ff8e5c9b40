package io.directline.experience.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The experience ledger's settings.
 *
 * @param negativeWeight how many good experiences one bad one weighs
 * @param window how far back entries count towards the balance
 * @param sweepCron when the daily sweep recomputes owners whose old entries left the window
 * @param lifetime how an owner's lifetime value is computed from their purchases
 */
@Validated
@ConfigurationProperties("directline.experience")
public record ExperienceProperties(
        @DefaultValue("12") @Min(1) @Max(100) int negativeWeight,
        @DefaultValue("365d") @NotNull Duration window,
        @DefaultValue("0 15 3 * * *") @NotBlank String sweepCron,
        @DefaultValue @Valid @NotNull Lifetime lifetime) {

    /**
     * Lifetime value = purchases × loyalty multiplier, capped at {@code cap} × the first purchase, where the loyalty
     * multiplier = 1 + {@code perTenureYear} × whole years since the first purchase + {@code perRepeatPurchase} ×
     * purchases after the first + {@code perReferral} × owners the owner referred.
     *
     * @param referralTag the order tag that names the referring owner: {@code referred-by:<customer id>}
     */
    public record Lifetime(
            @DefaultValue("0.10") @NotNull @DecimalMin("0") BigDecimal perTenureYear,
            @DefaultValue("0.25") @NotNull @DecimalMin("0") BigDecimal perRepeatPurchase,
            @DefaultValue("0.50") @NotNull @DecimalMin("0") BigDecimal perReferral,
            @DefaultValue("10") @NotNull @DecimalMin("1") BigDecimal cap,
            @DefaultValue("referred-by") @NotBlank String referralTag) {}
}
