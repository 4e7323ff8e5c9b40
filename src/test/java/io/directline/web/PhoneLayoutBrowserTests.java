package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** On a phone-sized screen (390 x 844) no page scrolls sideways, long subjects and links included. */
class PhoneLayoutBrowserTests extends ScreenTest {

    private Browser browser;

    @BeforeEach
    void openPhoneBrowser() {
        browser = browser().resize(Browser.PHONE);
    }

    @Test
    void theAgentsScreensFitAPhone() {
        var owner = people.owner("Petra");
        var agent = people.agent("Paul");
        long caseId = people.caseWithConversation(owner, agent);

        assertFits("/login");
        browser.signIn(agent.username(), People.PASSWORD);
        assertThat(browser.script("return window.innerWidth;")).isEqualTo(390L);
        assertFits("/inbox");
        // the case just answered is first by latest change (by default the inbox puts it by what is at stake)
        assertFits("/inbox?sort=updated");
        assertThat(browser.find(By.linkText(
                                "Replacement lid for my kettle K2-Deluxe-Stainless (order SO-2024-000123456789)"))
                        .isDisplayed())
                .isTrue();
        assertFits("/cases/" + caseId);
        assertThat(browser.find(By.id("send-reply")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("save-case")).isDisplayed()).isTrue();
    }

    @Test
    void theOwnersScreensFitAPhone() {
        var owner = people.owner("Pia");
        var agent = people.agent("Pete");
        long caseId = people.caseWithConversation(owner, agent);

        browser.signIn(owner.username(), People.PASSWORD);
        assertFits("/portal");
        assertThat(browser.find(By.id("new-case")).isDisplayed()).isTrue();
        assertFits("/portal/cases/" + caseId);
        assertThat(browser.find(By.id("send-reply")).isDisplayed()).isTrue();
        assertFits("/portal/new");
        assertThat(browser.find(By.id("submit-case")).isDisplayed()).isTrue();
    }

    private void assertFits(String path) {
        browser.go(path);
        assertThat(browser.path()).isEqualTo(path);
        assertThat(browser.horizontalOverflow())
                .as("%s scrolls sideways on a phone; past the right edge: %s", path, browser.elementsPastTheRightEdge())
                .isZero();
    }
}
