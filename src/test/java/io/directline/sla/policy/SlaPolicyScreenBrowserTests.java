package io.directline.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin defines an SLA policy on office hours, gets a refusal for overlapping hours, changes and retires it,
 * on a screen that fits a phone too.
 */
class SlaPolicyScreenBrowserTests extends ScreenTest {

    private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    @Test
    void adminDefinesAPolicyOnOfficeHoursAndRetiresIt() {
        var admin = people.admin("Ada");
        var name = "Mastodon VIP " + UUID.randomUUID().toString().substring(0, 8);
        var adminSees = browser().signIn(admin.username(), People.PASSWORD);
        adminSees.clickToPage(By.linkText("SLA policies"));
        assertThat(adminSees.path()).isEqualTo("/admin/sla-policies");
        assertThat(adminSees.text(By.id("policy-1")))
                .contains("Standard")
                .contains("every case")
                .contains("24/7 (UTC)")
                .contains("active");

        adminSees.type(By.id("policy-name"), name);
        new Select(adminSees.find(By.id("policy-channel"))).selectByValue("MASTODON");
        new Select(adminSees.find(By.id("policy-tier"))).selectByValue("VIP");
        adminSees.type(By.id("target-firstResponse"), "PT1H");
        adminSees.type(By.id("target-resolution"), "P2D");
        adminSees.type(By.id("policy-zone"), "Europe/Berlin");
        for (var day : WEEKDAYS) {
            adminSees.type(By.id("hours-" + day), "09:00-12:00, 13:00-17:00");
        }
        adminSees.type(By.id("hours-MONDAY"), "09:00-12:00, 11:00-17:00");
        adminSees.type(By.id("policy-holidays"), "2026-12-25");
        adminSees.clickToPage(By.id("save-policy"));

        assertThat(adminSees.text(By.id("policy-problem")))
                .contains("calendar.hours.MONDAY")
                .contains("overlap");
        assertThat(adminSees.find(By.id("policy-name")).getDomProperty("value"))
                .as("what the admin typed is kept")
                .isEqualTo(name);
        assertThat(adminSees.find(By.id("hours-MONDAY")).getDomProperty("value"))
                .isEqualTo("09:00-12:00, 11:00-17:00");
        assertThat(adminSees.find(By.id("hours-TUESDAY")).getDomProperty("value"))
                .isEqualTo("09:00-12:00, 13:00-17:00");
        assertThat(new Select(adminSees.find(By.id("policy-channel")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("MASTODON");
        assertThat(adminSees.text(By.id("policy-table"))).doesNotContain(name);

        adminSees.type(By.id("hours-MONDAY"), "09:00-12:00, 13:00-17:00");
        adminSees.clickToPage(By.id("save-policy"));

        assertThat(adminSees.path()).isEqualTo("/admin/sla-policies");
        assertThat(adminSees.all(By.id("policy-problem"))).isEmpty();
        var row = By.xpath("//table[@id='policy-table']//tr[td[1][normalize-space()='" + name + "']]");
        assertThat(adminSees.text(row))
                .contains("MASTODON · VIP owners")
                .contains("first response 1 h")
                .contains("resolution 2 d")
                .contains("Europe/Berlin: Mon–Fri 09:00-12:00, 13:00-17:00 · 1 holiday")
                .contains("active");

        adminSees.clickToPage(
                By.xpath("//table[@id='policy-table']//tr[td[1][normalize-space()='" + name + "']]//a[text()='Edit']"));
        assertThat(adminSees.find(By.id("hours-WEDNESDAY")).getDomProperty("value"))
                .isEqualTo("09:00-12:00, 13:00-17:00");
        assertThat(adminSees.find(By.id("target-resolution")).getDomProperty("value"))
                .isEqualTo("P2D");
        adminSees.type(By.id("target-resolution"), "P3D");
        adminSees.type(By.id("hours-FRIDAY"), "");
        adminSees.clickToPage(By.id("save-policy"));
        assertThat(adminSees.text(row)).contains("resolution 3 d").contains("Mon–Thu 09:00-12:00, 13:00-17:00");

        adminSees.clickToPage(By.xpath(
                "//table[@id='policy-table']//tr[td[1][normalize-space()='" + name + "']]//button[text()='Retire']"));
        assertThat(adminSees.text(row)).contains("retired");
        assertThat(adminSees.find(row).findElements(By.tagName("button")))
                .as("a retired policy cannot be retired again")
                .isEmpty();
        assertThat(adminSees.text(By.id("policy-1"))).contains("active");

        adminSees.resize(Browser.PHONE);
        assertThat(adminSees.horizontalOverflow())
                .as(
                        "the screen scrolls sideways on a phone; past the right edge: %s",
                        adminSees.elementsPastTheRightEdge())
                .isZero();
    }
}
