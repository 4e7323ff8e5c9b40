package io.directline;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.ApiClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Sets up owners, logins and cases through the API itself, as an administrator with curl would. Every
 * name, username and email address is unique, because all test classes share one database.
 */
final class ApiFixtures {

    static final String ADMIN_PASSWORD = "admin-test-password";

    /** The password of every login these fixtures create. */
    static final String PASSWORD = "correct-horse-battery-staple";

    private ApiFixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ApiClient admin(int port) {
        return ApiClient.basic(port, "admin", ADMIN_PASSWORD);
    }

    /** Registers an owner (a customer record) and returns its id. */
    static long registerOwner(ApiClient admin, String name) {
        var response =
                admin.post("/api/v1/customers", Map.of("name", name, "email", unique("owner") + "@example.test"));
        assertThat(response.status()).as("register owner: %s", response).isEqualTo(201);
        return response.id();
    }

    /** Creates a login with one role and returns its username; an OWNER login names its customer. */
    static String createLogin(ApiClient admin, String role, Long customerId) {
        var username = unique(role.toLowerCase());
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("roles", List.of(role));
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        var response = admin.post("/api/v1/users", body);
        assertThat(response.status()).as("create login: %s", response).isEqualTo(201);
        return username;
    }

    static ApiClient signIn(int port, String username) {
        return ApiClient.basic(port, username, PASSWORD);
    }

    /** A new staff login with this role, signed in. */
    static ApiClient staff(int port, ApiClient admin, String role) {
        return signIn(port, createLogin(admin, role, null));
    }

    /** A new owner with a login, signed in. */
    static Owner owner(int port, ApiClient admin, String name) {
        long customerId = registerOwner(admin, name);
        return new Owner(customerId, signIn(port, createLogin(admin, "OWNER", customerId)));
    }

    record Owner(long customerId, ApiClient client) {}

    /** Opens a case for an owner as staff and returns its id. */
    static long openCase(ApiClient staff, long customerId, String subject, String body) {
        var response = staff.post(
                "/api/v1/cases",
                Map.of("customerId", customerId, "subject", subject, "body", body, "channel", "PORTAL"));
        assertThat(response.status()).as("open case: %s", response).isEqualTo(201);
        return response.id();
    }

    /** A refusal as RFC 9457 problem details: the status, the media type and a sentence for a person. */
    static JsonNode assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        var problem = response.json();
        assertThat(problem.path("status").asInt()).as("status in %s", response).isEqualTo(status);
        assertThat(problem.path("title").asString(""))
                .as("title in %s", response)
                .isNotBlank();
        assertThat(problem.path("detail").asString(""))
                .as("detail in %s", response)
                .isNotBlank()
                .endsWith(".");
        return problem;
    }

    /** The values of one field of each element of a JSON array. */
    static List<String> each(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path(field).asString())
                .toList();
    }
}
