package io.directline.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/** What an owner record holds; used to register and to update an owner. */
public record CustomerDetails(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Size(max = 40) String phone,
        Channel preferredChannel,
        QuietHours quietHours,
        @ValidTimeZone String timeZone,
        @Valid Address address,

        @DecimalMin("0") @DecimalMax(Customer.MAX_LIFETIME_VALUE)
        BigDecimal lifetimeValue,

        Map<@NotBlank @Size(max = 30) String, @Size(max = 200) String> socialHandles,
        Tier tier) {

    /** Details without a tier: a new owner is {@link Tier#STANDARD}, an updated one keeps theirs. */
    public CustomerDetails(
            String name,
            String email,
            String phone,
            Channel preferredChannel,
            QuietHours quietHours,
            String timeZone,
            Address address,
            BigDecimal lifetimeValue,
            Map<String, String> socialHandles) {
        this(name, email, phone, preferredChannel, quietHours, timeZone, address, lifetimeValue, socialHandles, null);
    }
}
