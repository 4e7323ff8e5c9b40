package io.directline.identity;

import static io.directline.testsupport.UniqueNames.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.ApiClient;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Logins for API tests, made through the API itself as an administrator with curl would. Every username is
 * unique, because all test classes share one database.
 */
public final class IdentityFixtures {

    /** The password of the administrator the test configuration creates. */
    public static final String ADMIN_PASSWORD = "admin-test-password";

    /** The password of every login these fixtures create. */
    public static final String PASSWORD = "correct-horse-battery-staple";

    private IdentityFixtures() {}

    /** The administrator, signed in with HTTP Basic. */
    public static ApiClient admin(int port) {
        return ApiClient.basic(port, "admin", ADMIN_PASSWORD);
    }

    /** Creates a login with one role and returns its username; an OWNER login names its customer. */
    public static String createLogin(ApiClient admin, String role, Long customerId) {
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

    /** A login these fixtures created, signed in with HTTP Basic. */
    public static ApiClient signIn(int port, String username) {
        return ApiClient.basic(port, username, PASSWORD);
    }

    /** A new staff login with this role, signed in. */
    public static ApiClient staff(int port, ApiClient admin, String role) {
        return signIn(port, createLogin(admin, role, null));
    }
}
