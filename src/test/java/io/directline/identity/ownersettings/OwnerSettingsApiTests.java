package io.directline.identity.ownersettings;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An owner reads and changes their own settings on {@code /api/v1/me}; bad input is a 400 that changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnerSettingsApiTests {

    @LocalServerPort
    int port;

    @Test
    void anOwnerChangesTheirSettingsAndReadsThemBack() {
        var owner = CustomerFixtures.owner(port, IdentityFixtures.admin(port), "Settings Owner");
        var changed = owner.client()
                .patch(
                        "/api/v1/me",
                        Map.of(
                                "preferredChannel", "PORTAL",
                                "quietHours", Map.of("from", "22:00", "until", "07:00"),
                                "timeZone", "Europe/Zurich",
                                "language", "de-CH"));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);

        var me = owner.client().get("/api/v1/me").json();
        assertThat(me.path("customerId").asLong()).isEqualTo(owner.customerId());
        assertThat(me.path("preferredChannel").asString()).isEqualTo("PORTAL");
        assertThat(me.path("quietHours").path("from").asString()).startsWith("22:00");
        assertThat(me.path("quietHours").path("until").asString()).startsWith("07:00");
        assertThat(me.path("timeZone").asString()).isEqualTo("Europe/Zurich");
        assertThat(me.path("language").asString()).isEqualTo("de-CH");
        assertThat(me.path("handles").get(0).path("kind").asString()).isEqualTo("EMAIL");
        assertThat(me.path("handles").get(0).path("verified").asBoolean()).isTrue();

        var partly = new HashMap<String, Object>();
        partly.put("quietHours", null);
        partly.put("language", null);
        var cleared = owner.client().patch("/api/v1/me", partly);
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(200);
        assertThat(cleared.json().path("quietHours").isNull()).isTrue();
        assertThat(cleared.json().path("language").isNull()).isTrue();
        assertThat(cleared.json().path("timeZone").asString())
                .as("a field not sent is kept")
                .isEqualTo("Europe/Zurich");
    }

    @Test
    void badSettingsAreRefusedWithTheFieldAndChangeNothing() {
        var owner = CustomerFixtures.owner(port, IdentityFixtures.admin(port), "Careless Owner");
        var before = owner.client().get("/api/v1/me").body();
        var cases = Map.of(
                "timeZone", Map.<String, Object>of("timeZone", "Mars/Olympus"),
                "language", Map.<String, Object>of("language", "klingon-x-nonsense-tag"),
                "preferredChannel", Map.<String, Object>of("preferredChannel", "PIGEON"),
                "quietHours", Map.<String, Object>of("quietHours", Map.of("from", "22:00")));
        cases.forEach((field, body) -> {
            var refused = owner.client().patch("/api/v1/me", body);
            var problem = assertProblem(refused, 400);
            assertThat(problem.path("field").asString()).as("%s", refused).isEqualTo(field);
        });
        var sms = owner.client().patch("/api/v1/me", Map.of("preferredChannel", "SMS"));
        assertThat(assertProblem(sms, 400).path("detail").asString()).contains("no phone number");
        assertThat(owner.client().get("/api/v1/me").body()).isEqualTo(before);
    }
}
