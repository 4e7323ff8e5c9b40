package io.directline.customer;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Owners for tests, unique per call so tests sharing a database never collide. */
public final class CustomerFixtures {

    private CustomerFixtures() {}

    public static CustomerDetails owner(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new CustomerDetails(
                name,
                name.toLowerCase().replace(' ', '.') + "." + unique + "@example.org",
                null,
                Channel.EMAIL,
                null,
                "Europe/Berlin",
                new Address("Hauptstrasse 1", "Berlin", "10115", "BE", "DE", 52.52, 13.405),
                BigDecimal.valueOf(85_000),
                Map.of());
    }
}
