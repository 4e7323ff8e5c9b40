package io.directline.escalation.responder;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.customer.Channel;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class ResponderPanelBrowserTests extends ScreenTest {

    @Test
    void anOwnerAsksForASupervisorOnTheirCasePageAndSeesWhoAnswersNow() {
        var team = "delivery-" + UUID.randomUUID().toString().substring(0, 8);
        var supervisor = people.supervisor("Sam", team);
        users.changeWorkingHours(supervisor.username(), "MON-SUN 00:00-24:00", "America/New_York");
        var owner = people.owner("Greta");
        long caseId = cases.open(
                        new OpenCase(
                                owner.customerId(),
                                "My car is three weeks late",
                                "Nobody tells me when it comes.",
                                Channel.PORTAL,
                                null,
                                team,
                                null,
                                null),
                        new Actor(owner.username(), owner.name(), Channel.PORTAL))
                .getId();

        var browser = browser().signIn(owner.username(), People.PASSWORD).go("/portal/cases/" + caseId);
        assertThat(browser.text(By.id("responder-now"))).isEqualTo("Our " + team + " team has your case.");

        browser.click(By.id("responder-supervisor"));

        var outcome = browser.waitUntil(d -> {
            var shown = d.findElements(By.id("responder-outcome"));
            return shown.isEmpty() ? null : shown.get(0).getText();
        });
        assertThat(outcome)
                .contains(supervisor.displayName() + ", a supervisor, has your case now and will answer you.");
        assertThat(browser.text(By.id("responder-now")))
                .isEqualTo(supervisor.displayName() + " has your case, as you asked.");
        assertThat(cases.get(caseId).getAssignee()).isEqualTo(supervisor.username());

        browser.click(By.id("responder-team"));

        browser.waitUntil(d -> d.findElement(By.id("responder-now")).getText().startsWith("Our " + team));
        assertThat(browser.text(By.id("responder-outcome"))).contains("whoever of them is free first will answer you");
        assertThat(cases.get(caseId).getAssignee()).as("back with the team").isNull();
    }
}
