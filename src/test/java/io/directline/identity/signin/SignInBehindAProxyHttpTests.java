package io.directline.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.identity.IdentityFixtures;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.testsupport.ApiClient;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a reverse proxy ({@code server.forward-headers-strategy=native}, the proxy on a loopback or private
 * address), every client reaches us from the proxy's address; the throttle must still tell them apart by the
 * address the proxy forwards, so that an attacker's guesses do not lock out the rightful user. And the API
 * documentation can be opened to everyone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=native",
            "directline.identity.login.slow-down=200ms",
            "directline.api-docs.public=true"
        })
class SignInBehindAProxyHttpTests {

    private static final String PASSWORD = "correct-horse-battery-staple";

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Test
    void anAttackersGuessesFromOneAddressDoNotLockTheOwnerOutElsewhere() {
        var username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(new NewUser(username, PASSWORD, null, null, null, Set.of(Role.AGENT), null));

        for (int i = 0; i < 5; i++) {
            assertThat(from("203.0.113.7", ApiClient.basic(port, username, "guess-" + i))
                            .status())
                    .isEqualTo(401);
        }
        var refused = from("203.0.113.7", ApiClient.basic(port, username, "guess-6"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(from("203.0.113.7", ApiClient.basic(port, username, PASSWORD))
                        .status())
                .as("the guessing address is refused for this account, whatever it sends")
                .isEqualTo(429);

        var owner = from("198.51.100.20", ApiClient.basic(port, username, PASSWORD));
        assertThat(owner.status())
                .as("the owner, at their own address, gets in (after a short pause): %s", owner)
                .isEqualTo(200);
        assertThat(from("198.51.100.20", IdentityFixtures.admin(port)).status())
                .as("other accounts from other addresses are not slowed or refused")
                .isEqualTo(200);
    }

    @Test
    void theApiDocumentationCanBeOpenedToEveryone() {
        var docs = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        var swagger = ApiClient.anonymous(port).accepting("text/html").get("/swagger-ui/index.html");
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(swagger.header("Content-Security-Policy"))
                .as("Swagger UI needs inline styles, never inline scripts")
                .contains("script-src 'self';", "style-src 'self' 'unsafe-inline';", "frame-ancestors 'none'");
    }

    private static ApiClient.Response from(String address, ApiClient client) {
        return client.send("GET", "/api/v1/cases", null, null, Map.of("X-Forwarded-For", address));
    }
}
