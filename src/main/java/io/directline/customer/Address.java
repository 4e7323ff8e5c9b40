package io.directline.customer;

import jakarta.persistence.Embeddable;

/** A postal address with the coordinates used for routing service visits. */
@Embeddable
public record Address(
        String street,
        String city,
        String postalCode,
        String region,
        String country,
        Double latitude,
        Double longitude) {}
