package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Who may see which screen: a wrong password, a screen of another role, a case of another owner. */
class ScreenAccessBrowserTests extends ScreenTest {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = browser();
    }

    @Test
    void aWrongPasswordKeepsYouOnTheLoginPageWithTheReason() {
        var owner = people.owner("Wanda");

        browser.signIn(owner.username(), "not-the-password");

        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text(By.cssSelector("[role=alert]"))).isEqualTo("The username or password is wrong.");
        assertThat(browser.find(By.id("sign-in")).isDisplayed()).isTrue();
        browser.go("/portal");
        assertThat(browser.path()).isEqualTo("/login");

        // Signing in now leads to the page asked for before.
        browser.signIn(owner.username(), People.PASSWORD);
        assertThat(browser.path()).startsWith("/portal");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("My cases");
    }

    @Test
    void anOwnerWhoOpensTheInboxGetsTheNotForYourRolePage() {
        var owner = people.owner("Otto");
        browser.signIn(owner.username(), People.PASSWORD);

        browser.go("/inbox");

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("That page is not for your role");
        assertThat(browser.all(By.id("inbox-rows"))).isEmpty();
        browser.clickToPage(By.linkText("Back to the start page"));
        assertThat(browser.path()).isEqualTo("/portal");
    }

    @Test
    void aCaseOfAnotherOwnerIsNotFoundAndShowsNothingOfIt() {
        var other = people.owner("Olga");
        var secret = cases.open(
                new OpenCase(
                        other.customerId(),
                        "Private matter of Olga " + other.customerId(),
                        "My alarm code is 4711.",
                        Channel.PORTAL,
                        Priority.NORMAL,
                        null,
                        null,
                        null),
                Actor.system(Channel.PORTAL));
        var owner = people.owner("Otto");
        browser.signIn(owner.username(), People.PASSWORD);

        browser.go("/portal/cases/" + secret.getId());

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("We could not find that page");
        assertThat(browser.pageText())
                .doesNotContain("Private matter of Olga")
                .doesNotContain("4711")
                .doesNotContain(other.name());
        assertThat(browser.all(By.id("reply-body"))).isEmpty();

        browser.go("/portal");
        assertThat(browser.pageText()).doesNotContain("Private matter of Olga");
    }

    @Test
    void staffAreSentToTheInboxAndOwnersToThePortal() {
        var agent = people.agent("Sam");
        browser.signIn(agent.username(), People.PASSWORD);
        assertThat(browser.path()).isEqualTo("/inbox");
        browser.go("/");
        assertThat(browser.path()).isEqualTo("/inbox");

        browser.clickToPage(By.cssSelector(".who button"));
        assertThat(browser.path()).isEqualTo("/login?logout");
        assertThat(browser.pageText()).contains("You are signed out.");

        var owner = people.owner("Olive");
        browser.signIn(owner.username(), People.PASSWORD);
        assertThat(browser.path()).isEqualTo("/portal");
        browser.go("/");
        assertThat(browser.path()).isEqualTo("/portal");
    }

    @Test
    void anInboxLeftOpenWhenTheSessionEndsTurnsIntoTheLoginPage() {
        var agent = people.agent("Nell");
        browser.signIn(agent.username(), People.PASSWORD);
        assertThat(browser.path()).isEqualTo("/inbox");

        // The session ends (time-out, restart, sign-out in another tab) while the inbox keeps refreshing.
        browser.driver().manage().deleteCookieNamed("JSESSIONID");

        browser.waitUntil(d -> browser.path().startsWith("/login"));
        assertThat(browser.all(By.id("inbox-rows"))).isEmpty();
        assertThat(browser.all(By.id("sign-in"))).hasSize(1);

        // Signing in again leads back to the inbox.
        browser.type(By.name("username"), agent.username());
        browser.type(By.name("password"), People.PASSWORD);
        browser.clickToPage(By.id("sign-in"));
        assertThat(browser.path()).startsWith("/inbox");
        assertThat(browser.all(By.id("inbox-rows"))).hasSize(1);
    }
}
