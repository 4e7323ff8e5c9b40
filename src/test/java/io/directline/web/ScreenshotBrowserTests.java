package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Takes screenshots of every screen at desktop and phone size into {@code target/screenshots/}, for a
 * person to look at: {@code desktop-*.png} and {@code phone-*.png} show the first screenful,
 * {@code *-full.png} the whole page.
 */
class ScreenshotBrowserTests extends ScreenTest {

    @Test
    void everyScreenAtDesktopAndPhoneSize() throws Exception {
        var owner = people.owner("Margaret");
        var agent = people.agent("Tom");
        long caseId = people.caseWithConversation(owner, agent);
        var newcomer = people.owner("Nina");

        var anonymous = browser();
        var staff = browser().signIn(agent.username(), People.PASSWORD);
        var ownerBrowser = browser().signIn(owner.username(), People.PASSWORD);
        var newcomerBrowser = browser().signIn(newcomer.username(), People.PASSWORD);

        for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            var prefix = size.equals(Browser.DESKTOP) ? "desktop-" : "phone-";
            shoot(anonymous, size, "/login", prefix + "login", By.id("sign-in"));
            shoot(anonymous, size, "/login?error", prefix + "login-error", By.id("sign-in"));
            shoot(staff, size, "/inbox", prefix + "inbox", By.id("inbox-rows"));
            shoot(staff, size, "/inbox?status=CLOSED&team=nobody", prefix + "inbox-empty", By.id("inbox-rows"));
            shoot(staff, size, "/cases/" + caseId, prefix + "case", By.id("case-settings"));
            staff.click(By.cssSelector("details summary"));
            staff.fullPageScreenshot(prefix + "case-audit-full");
            shoot(ownerBrowser, size, "/portal", prefix + "portal", By.id("new-case"));
            shoot(ownerBrowser, size, "/portal/cases/" + caseId, prefix + "portal-case", By.id("send-reply"));
            shoot(ownerBrowser, size, "/portal/new", prefix + "portal-new", By.id("submit-case"));
            shoot(newcomerBrowser, size, "/portal", prefix + "portal-empty", By.id("new-case"));
            shoot(ownerBrowser, size, "/inbox", prefix + "forbidden", By.tagName("h1"));
            shoot(ownerBrowser, size, "/portal/cases/999999999", prefix + "not-found", By.tagName("h1"));
        }
    }

    private void shoot(Browser browser, Dimension size, String path, String name, By mustShow) throws Exception {
        browser.resize(size).go(path);
        assertThat(browser.find(mustShow).isDisplayed())
                .as("%s shows %s", path, mustShow)
                .isTrue();
        var shot = browser.screenshot(name);
        var full = browser.fullPageScreenshot(name + "-full");
        assertThat(Files.size(shot)).isPositive();
        assertThat(Files.size(full)).isPositive();
    }
}
