package io.directline.identity;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.CustomerFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin sets a staff member's working hours, which decide whether an owner's choice of them is honoured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkingHoursApiTests {

    @LocalServerPort
    int port;

    @Test
    void anAdminSetsWorkingHoursAndSeesWhetherTheStaffMemberIsAtWork() {
        var admin = IdentityFixtures.admin(port);
        var agent = IdentityFixtures.createLogin(admin, "AGENT", null);
        var path = "/api/v1/users/" + agent + "/working-hours";

        var defaults = admin.get(path);
        assertThat(defaults.status()).as("%s", defaults).isEqualTo(200);
        assertThat(defaults.json().path("defaultHours").asBoolean()).isTrue();
        assertThat(defaults.json().path("hours").asString()).isEqualTo("MON-FRI 08:00-17:00");

        var always = admin.put(path, Map.of("hours", "MON-SUN 00:00-24:00", "timeZone", "Asia/Tokyo"));
        assertThat(always.status()).as("%s", always).isEqualTo(200);
        assertThat(always.json().path("atWork").asBoolean()).isTrue();
        assertThat(always.json().path("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(always.json().path("defaultHours").asBoolean()).isFalse();

        var never = admin.put(path, Map.of("hours", "none"));
        assertThat(never.json().path("atWork").asBoolean()).isFalse();
        assertThat(never.json().path("nextStart").isNull())
                .as("someone who never works has no next start")
                .isTrue();
        assertThat(never.json().path("timeZone").asString())
                .as("a blank time zone goes back to the default")
                .isEqualTo("America/New_York");
    }

    @Test
    void unreadableHoursAreRefusedWithHowToWriteThemAndChangeNothing() {
        var admin = IdentityFixtures.admin(port);
        var agent = IdentityFixtures.createLogin(admin, "AGENT", null);
        var path = "/api/v1/users/" + agent + "/working-hours";
        admin.put(path, Map.of("hours", "TUE-THU 09:00-15:00"));

        var badHours = admin.put(path, Map.of("hours", "weekdays, mostly"));
        var badZone = admin.put(path, Map.of("hours", "MON 09:00-10:00", "timeZone", "Mars/Olympus"));

        assertThat(assertProblem(badHours, 400).path("detail").asString()).contains("MON-FRI 08:00-17:00");
        assertThat(assertProblem(badZone, 400).path("detail").asString()).contains("Mars/Olympus");
        assertThat(admin.get(path).json().path("hours").asString()).isEqualTo("TUE-THU 09:00-15:00");
    }

    @Test
    void onlyStaffHaveWorkingHours() {
        var admin = IdentityFixtures.admin(port);
        var owner = IdentityFixtures.createLogin(admin, "OWNER", CustomerFixtures.registerOwner(admin, "Hours Owner"));

        assertProblem(admin.get("/api/v1/users/" + owner + "/working-hours"), 404);
        assertProblem(admin.put("/api/v1/users/nobody-at-all/working-hours", Map.of("hours", "none")), 404);
    }
}
