package io.directline.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.ApiClient;
import java.util.Map;

/** Cases for API tests, opened through the API itself. */
public final class CaseFixtures {

    private CaseFixtures() {}

    /** Opens a case for an owner as staff and returns its id. */
    public static long openCase(ApiClient staff, long customerId, String subject, String body) {
        var response = staff.post(
                "/api/v1/cases",
                Map.of("customerId", customerId, "subject", subject, "body", body, "channel", "PORTAL"));
        assertThat(response.status()).as("open case: %s", response).isEqualTo(201);
        return response.id();
    }
}
