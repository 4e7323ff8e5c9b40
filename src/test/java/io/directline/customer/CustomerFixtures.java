package io.directline.customer;

import static io.directline.testsupport.UniqueNames.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.math.BigDecimal;
import java.util.Map;

/** Owners for tests, unique per call so tests sharing a database never collide. */
public final class CustomerFixtures {

    private CustomerFixtures() {}

    public static CustomerDetails owner(String name) {
        return new CustomerDetails(
                name,
                name.toLowerCase().replace(' ', '.') + "." + UniqueNames.suffix() + "@example.org",
                null,
                Channel.EMAIL,
                null,
                "Europe/Berlin",
                new Address("Hauptstrasse 1", "Berlin", "10115", "BE", "DE", 52.52, 13.405),
                BigDecimal.valueOf(85_000),
                Map.of());
    }

    /** Registers an owner (a customer record) through the API and returns its id. */
    public static long registerOwner(ApiClient admin, String name) {
        var response =
                admin.post("/api/v1/customers", Map.of("name", name, "email", unique("owner") + "@example.test"));
        assertThat(response.status()).as("register owner: %s", response).isEqualTo(201);
        return response.id();
    }

    /** A new owner with a login, signed in. */
    public static Owner owner(int port, ApiClient admin, String name) {
        long customerId = registerOwner(admin, name);
        return new Owner(
                customerId, IdentityFixtures.signIn(port, IdentityFixtures.createLogin(admin, "OWNER", customerId)));
    }

    /** An owner's customer id and their API client, signed in. */
    public record Owner(long customerId, ApiClient client) {}
}
