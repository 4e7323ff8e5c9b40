package io.directline.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.identity.IdentityFixtures;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.testsupport.ApiClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What a browser, a curl user or an attacker meets over real HTTP: the security headers of pages and API
 * answers, who may read the API documentation and the health details, the 401 challenge, the sign-in page's
 * words, the password limit and tokens issued by tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHttpTests {

    private static final String PASSWORD = "correct-horse-battery-staple";

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    CustomerManagement customers;

    ApiClient admin;
    ApiClient anonymous;

    @BeforeEach
    void setUp() {
        admin = IdentityFixtures.admin(port);
        anonymous = ApiClient.anonymous(port);
    }

    @Test
    void pagesRunOnlyOurOwnScriptsAndStylesAndRefuseFramesAndReferrers() {
        var page = anonymous.accepting("text/html").get("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.body())
                .contains("<html lang=\"en\"")
                .contains("htmx-config")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                .doesNotContainPattern("\\son[a-z]+=\"")
                .doesNotContain("style=\"");
    }

    @Test
    void apiAnswersLoadNothingAndRefuseFramesAndReferrers() {
        var answer = admin.get("/api/v1/tokens");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(anonymous.get("/api/v1/cases").header("Content-Security-Policy"))
                .contains("frame-ancestors 'none'");
    }

    @Test
    void theApiDocumentationIsForSignedInStaff() {
        var refused = anonymous.get("/v3/api-docs");
        assertProblem(refused, 401);
        assertThat(anonymous.get("/v3/api-docs/swagger-config").status()).isEqualTo(401);
        var swagger = anonymous.accepting("text/html").get("/swagger-ui/index.html");
        assertThat(swagger.status()).isEqualTo(302);
        assertThat(swagger.header("Location")).endsWith("/login");

        var owner = ownerLogin();
        assertProblem(ApiClient.basic(port, owner, PASSWORD).get("/v3/api-docs"), 403);

        var docs = ApiClient.basic(port, staffLogin(Role.AGENT), PASSWORD).get("/v3/api-docs");
        assertThat(docs.status()).as("%s", docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(docs.json().path("paths").has("/api/v1/cases")).isTrue();
    }

    @Test
    void healthTellsAnonymousCallersOnlyWhetherWeAreUpAndAdminsEverything() {
        var health = anonymous.accepting("*/*").get("/actuator/health");
        assertThat(health.status()).as("%s", health).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components"))
                .as("no component leaks: %s", health)
                .isFalse();
        assertThat(anonymous.accepting("*/*").get("/actuator/health/db").body()).doesNotContain("database");

        var full = admin.accepting("*/*").get("/actuator/health");
        assertThat(full.json().path("components").path("db").path("status").asString())
                .as("%s", full)
                .isEqualTo("UP");
        assertThat(full.json().path("components").path("db").path("details").has("database"))
                .isTrue();
    }

    @Test
    void aBrowserAtAnApiAddressIsNotAskedForAPasswordButACurlUserWithAWrongOneIs() {
        var browsing =
                anonymous.accepting("text/html,application/xhtml+xml,*/*;q=0.8").get("/api/v1/cases");
        assertThat(browsing.status()).isEqualTo(401);
        assertThat(browsing.header("WWW-Authenticate")).doesNotContain("Basic").contains("Bearer");

        var wrongPassword = ApiClient.basic(port, "admin", "not-the-password").get("/api/v1/cases");
        assertProblem(wrongPassword, 401);
        assertThat(wrongPassword.header("WWW-Authenticate")).contains("Basic realm=\"Direct Line\"");

        var wrongToken = ApiClient.bearer(port, "dl_made-up").get("/api/v1/cases");
        assertThat(wrongToken.header("WWW-Authenticate"))
                .doesNotContain("Basic")
                .contains("invalid_token");
    }

    @Test
    void theSignInPageShowsOnlyItsOwnWordsAboutWaiting() {
        var ours = anonymous.accepting("text/html").get("/login?throttled=180");
        assertThat(ours.body()).contains("Too many failed sign-ins. Try again in 3 minutes.");

        for (var planted : List.of(
                "Call+%2B1-555-0100+to+unlock+your+account",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "-5", "99999999999")) {
            var page = anonymous.accepting("text/html").get("/login?throttled=" + planted);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .as("throttled=%s", planted)
                    .contains("Too many failed sign-ins. Try again later.")
                    .doesNotContain("555-0100", "alert(1)", "-5.", "99999999999");
        }
    }

    @Test
    void aPasswordLongerThanTheHashTakesIsA400NamingTheLimit() {
        var tooLong = admin.post("/api/v1/users", newUser(unique("long"), "a".repeat(73)));
        var problem = assertProblem(tooLong, 400);
        assertThat(problem.path("detail").asString()).contains("at most 72 bytes", "this one has 73");
        assertThat(problem.path("field").asString()).isEqualTo("password");

        // 37 letters, but 74 bytes: what bcrypt counts
        assertThat(assertProblem(admin.post("/api/v1/users", newUser(unique("accent"), "é".repeat(37))), 400)
                        .path("detail")
                        .asString())
                .contains("72 bytes", "this one has 74");

        var username = unique("longest");
        var longest = "b".repeat(72);
        assertThat(admin.post("/api/v1/users", newUser(username, longest)).status())
                .isEqualTo(201);
        assertThat(ApiClient.basic(port, username, longest).get("/api/v1/cases").status())
                .isEqualTo(200);
        assertProblem(ApiClient.basic(port, username, longest + "-and-more").get("/api/v1/cases"), 401);
    }

    @Test
    void aTokenMayOnlyIssueTokensThatExpireNoLaterThanItself() {
        var agent = ApiClient.basic(port, staffLogin(Role.AGENT), PASSWORD);
        var monthly = agent.post("/api/v1/tokens", Map.of("name", "monthly", "expiresInDays", 30));
        assertThat(monthly.status()).as("%s", monthly).isEqualTo(201);
        var monthlyExpires = Instant.parse(monthly.json().path("expiresAt").asString());
        var byToken = ApiClient.bearer(port, monthly.json().path("token").asString());

        var longer = byToken.post("/api/v1/tokens", Map.of("name", "for ever", "expiresInDays", 365));
        var problem = assertProblem(longer, 400);
        assertThat(problem.path("detail").asString()).contains("no later than", "expiresInDays");
        assertThat(problem.path("latestExpiry").asString()).isEqualTo(monthlyExpires.toString());

        var inherits = byToken.post("/api/v1/tokens", Map.of("name", "child"));
        assertThat(inherits.status()).as("%s", inherits).isEqualTo(201);
        assertThat(Instant.parse(inherits.json().path("expiresAt").asString())).isEqualTo(monthlyExpires);

        var shorter = byToken.post("/api/v1/tokens", Map.of("name", "week", "expiresInDays", 7));
        assertThat(shorter.status()).isEqualTo(201);
        assertThat(Instant.parse(shorter.json().path("expiresAt").asString())).isBefore(monthlyExpires);

        // a token that never expires bounds nothing; the password bounds nothing either
        var forever = agent.post("/api/v1/tokens", Map.of("name", "forever"));
        assertThat(forever.json().path("expiresAt").isNull()).isTrue();
        assertThat(ApiClient.bearer(port, forever.json().path("token").asString())
                        .post("/api/v1/tokens", Map.of("name", "ten years", "expiresInDays", 3650))
                        .status())
                .isEqualTo(201);
    }

    private static Map<String, Object> newUser(String username, String password) {
        return Map.of("username", username, "password", password, "roles", List.of("AGENT"));
    }

    private String staffLogin(Role role) {
        var username = unique(role.name().toLowerCase());
        users.createUser(new NewUser(username, PASSWORD, null, null, null, Set.of(role), null));
        return username;
    }

    private String ownerLogin() {
        var customer = customers.register(CustomerFixtures.owner("Docs Reader " + unique("o")));
        var username = unique("owner");
        users.createUser(new NewUser(username, PASSWORD, null, null, null, Set.of(Role.OWNER), customer.getId()));
        return username;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        var problem = response.json();
        assertThat(problem.path("detail").asString(""))
                .as("detail in %s", response)
                .endsWith(".");
        return problem;
    }
}
