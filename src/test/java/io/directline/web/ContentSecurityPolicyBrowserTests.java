package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The screens work under their Content-Security-Policy (our own scripts and styles only): the SLA countdown
 * ticks, htmx loads its panels and Swagger UI shows the API, and the browser refuses nothing on the way.
 */
class ContentSecurityPolicyBrowserTests extends ScreenTest {

    private static final By FIRST_RESPONSE_LEFT = By.cssSelector("#sla-panel [data-kind=FIRST_RESPONSE] .left");

    @Test
    void theCountdownTicksAndHtmxLoadsItsPanelsWithNothingRefused() {
        var owner = people.owner("Clara");
        var agent = people.agent("Piet");
        var supportCase = cases.open(
                new OpenCase(
                        owner.customerId(),
                        "Where is my car?",
                        "It was due on Monday.",
                        Channel.PORTAL,
                        Priority.NORMAL,
                        "csp-" + UUID.randomUUID().toString().substring(0, 8),
                        null,
                        null),
                new Actor(owner.username(), owner.name(), Channel.PORTAL));
        cases.change(
                supportCase.getId(),
                new CaseChanges(null, agent.username(), null, null, null),
                Actor.system(Channel.PORTAL));

        var agentSees = browser().signIn(agent.username(), People.PASSWORD);
        agentSees.go("/cases/" + supportCase.getId());
        var ticking = "in 3 h 5\\d min \\d{1,2} s";
        agentSees.waitUntil(d -> agentSees.text(FIRST_RESPONSE_LEFT).matches(ticking));
        var firstRead = agentSees.text(FIRST_RESPONSE_LEFT);
        agentSees.waitUntil(d -> !agentSees.text(FIRST_RESPONSE_LEFT).equals(firstRead));
        assertThat(agentSees.text(FIRST_RESPONSE_LEFT))
                .as("the countdown, a script of our own, ticks")
                .matches(ticking);
        agentSees.go("/inbox");
        agentSees.find(By.cssSelector("#staff-notifications #notifications"));
        assertThat(agentSees.policyViolations()).as("refused by the policy").isEmpty();

        var ownerSees = browser().signIn(owner.username(), People.PASSWORD);
        ownerSees.go("/portal/cases/" + supportCase.getId());
        ownerSees.waitUntil(d -> !ownerSees.text(By.id("responder-panel")).contains("Loading"));
        ownerSees.waitUntil(d -> !ownerSees.text(By.id("escalation-panel")).contains("Checking"));
        assertThat(ownerSees.policyViolations()).as("refused by the policy").isEmpty();
    }

    @Test
    void swaggerUiShowsTheApiToStaffUnderThePolicy() {
        var admin = people.admin("Ada");
        var browser = browser().signIn(admin.username(), People.PASSWORD);
        browser.go("/swagger-ui.html");
        browser.waitUntil(d -> !browser.all(By.cssSelector(".opblock")).isEmpty());
        assertThat(browser.pageText()).contains("/api/v1/cases");
        assertThat(browser.policyViolations()).as("refused by the policy").isEmpty();
    }

    @Test
    void theSignInPageSaysHowLongToWaitAfterTooManyWrongPasswords() {
        var agent = people.agent("Wim");
        var browser = browser();
        for (int i = 0; i < 5; i++) {
            browser.signIn(agent.username(), "not-the-password-" + i);
            assertThat(browser.path()).isEqualTo("/login?error");
        }
        browser.signIn(agent.username(), People.PASSWORD);

        assertThat(browser.path()).matches("/login\\?throttled=\\d+");
        assertThat(browser.text(By.id("throttled")))
                .matches("Too many failed sign-ins\\. Try again in \\d+ minutes\\.");
        assertThat(browser.policyViolations()).isEmpty();
    }
}
