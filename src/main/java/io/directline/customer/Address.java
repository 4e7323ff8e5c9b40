package io.directline.customer;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A postal address with the coordinates used for routing service visits. The sizes are those of the columns, so
 * a longer value is refused with its field's name instead of failing in the database.
 */
@Embeddable
public record Address(
        @Size(max = 200) String street,
        @Size(max = 120) String city,
        @Size(max = 20) String postalCode,
        @Size(max = 120) String region,

        @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code such as DE")
        String country,

        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {}
