package io.directline.cases.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
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
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A client that retries a POST with the same Idempotency-Key never creates a duplicate. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IdempotencyKeyTests {

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    UserManagement users;

    private ApiClient owner() {
        var customer = customers.register(CustomerFixtures.owner("Retry Owner"));
        var username = "retry-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(
                new NewUser(username, "retry-secret-1", null, null, null, Set.of(Role.OWNER), customer.getId()));
        return ApiClient.basic(port, username, "retry-secret-1");
    }

    private static ApiClient.Response postWithKey(ApiClient client, String path, Object body, String key) {
        return client.send(
                "POST",
                path,
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body),
                "application/json",
                Map.of("Idempotency-Key", key));
    }

    @Test
    void retriedCaseIntakeWithTheSameKeyReturnsTheFirstCase() {
        var owner = owner();
        var body = Map.of("subject", "Door rattles", "body", "Driver door rattles over bumps.");

        var first = postWithKey(owner, "/api/v1/me/cases", body, "k-1");
        var retry = postWithKey(owner, "/api/v1/me/cases", body, "k-1");
        var other = postWithKey(owner, "/api/v1/me/cases", body, "k-2");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(owner.get("/api/v1/me/cases").json().get("items")).hasSize(2);
    }

    @Test
    void retriedOwnerMessageWithTheSameKeyIsStoredOnce() {
        var owner = owner();
        long caseId = owner.post("/api/v1/me/cases", Map.of("subject", "Charging", "body", "Slow charging."))
                .id();

        var first = postWithKey(owner, "/api/v1/me/cases/" + caseId + "/messages", Map.of("body", "Any news?"), "m-1");
        var retry = postWithKey(owner, "/api/v1/me/cases/" + caseId + "/messages", Map.of("body", "Any news?"), "m-1");

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(owner.get("/api/v1/me/cases/" + caseId).json().get("messages"))
                .hasSize(2);
    }

    @Test
    void refusesAnOverlongKeyWithAProblem() {
        var owner = owner();
        var response = postWithKey(owner, "/api/v1/me/cases", Map.of("subject", "S", "body", "B"), "x".repeat(201));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("Idempotency-Key");
    }
}
