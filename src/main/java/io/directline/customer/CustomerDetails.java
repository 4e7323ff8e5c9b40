package io.directline.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What an owner record holds; used to register an owner and, with null fields left as they are, to change one. The
 * constraints without a group hold for both; those of {@link Registration} only when registering, those of
 * {@link Changes} only when changing.
 */
public record CustomerDetails(
        @NotBlank(groups = Registration.class)
        @Size(max = 200, groups = Registration.class)
        @Size(min = 1, max = 200, groups = Changes.class)
        String name,

        @Email @Size(max = 320, groups = Registration.class) String email,
        @Size(max = 40) String phone,
        Channel preferredChannel,
        QuietHours quietHours,
        @ValidTimeZone String timeZone,
        @Valid Address address,

        @DecimalMin("0") @DecimalMax(Customer.MAX_LIFETIME_VALUE)
        BigDecimal lifetimeValue,

        Map<@NotBlank @Size(max = 30) String, @Size(max = 200) String> socialHandles,
        Tier tier) {

    /** The validation group of the constraints that hold when an owner registers. */
    public interface Registration {}

    /** The validation group of the constraints that hold when an owner's record changes. */
    public interface Changes {}

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

    /** These details as changes: a blank name is left out, as if not given. */
    CustomerDetails withBlankNameLeftOut() {
        return name == null || !name.isBlank()
                ? this
                : new CustomerDetails(
                        null,
                        email,
                        phone,
                        preferredChannel,
                        quietHours,
                        timeZone,
                        address,
                        lifetimeValue,
                        socialHandles,
                        tier);
    }

    /** {@code current} with the fields of these changes that are not null put in. */
    CustomerDetails over(CustomerDetails current) {
        return new CustomerDetails(
                name != null ? name : current.name(),
                email != null ? email : current.email(),
                phone != null ? phone : current.phone(),
                preferredChannel != null ? preferredChannel : current.preferredChannel(),
                quietHours != null ? quietHours : current.quietHours(),
                timeZone != null ? timeZone : current.timeZone(),
                address != null ? address : current.address(),
                lifetimeValue != null ? lifetimeValue : current.lifetimeValue(),
                socialHandles != null ? socialHandles : current.socialHandles(),
                tier != null ? tier : current.tier());
    }
}
