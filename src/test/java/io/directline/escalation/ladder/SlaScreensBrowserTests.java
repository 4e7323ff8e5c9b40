package io.directline.escalation.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.escalation.ClimbCause;
import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SLA on the screens: the case page counts its clocks down and shows the escalation trail, the new
 * holder of an escalated case is told in the inbox, and the inbox lists the soonest breach first.
 */
class SlaScreensBrowserTests extends ScreenTest {

    private static final By FIRST_RESPONSE_LEFT = By.cssSelector("#sla-panel [data-kind=FIRST_RESPONSE] .left");
    private static final String REASON = "First response target of 4 hours missed: the owner has waited.";

    @Autowired
    EscalationLadder escalations;

    @Test
    void theCasePageCountsTheFirstResponseDownAndShowsTheEscalationTrail() {
        var team = "cars-" + suffix();
        var owner = people.owner("Greta");
        var agent = people.agent("Theo");
        var supervisor = people.supervisor("Ines", team);
        var supportCase = open(owner, "My car has not arrived", team);
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
                .as("the time left counts down in the browser")
                .matches(ticking)
                .isNotEqualTo(firstRead);
        assertThat(agentSees.text(By.id("sla-panel")))
                .contains("Standard")
                .contains("First response")
                .contains("target 4 h")
                .contains("running")
                .contains("· due ")
                .contains("Resolution")
                .contains("Not escalated");

        escalations.climb(supportCase.getId(), ClimbCause.SLA_BREACH, REASON);
        agentSees.go("/cases/" + supportCase.getId());

        assertThat(agentSees.text(By.id("sla-trail")))
                .contains("Team supervisor")
                .contains(agent.username() + " → " + supervisor.username())
                .contains(REASON);
        assertThat(agentSees.text(By.id("sla-rung"))).contains("Team supervisor, held by " + supervisor.displayName());
        assertThat(agentSees.text(By.id("sla-notices"))).contains("SENT");
        assertThat(agentSees.text(By.id("sla-promises")))
                .as("the new holder promised to get back to the owner")
                .contains("Get back to the owner about the delay on " + supportCase.reference());

        var supervisorSees = browser().signIn(supervisor.username(), People.PASSWORD);
        assertThat(supervisorSees.path()).isEqualTo("/inbox");
        var notification = By.xpath(
                "//*[@id='staff-notifications']//li[contains(., '" + supportCase.reference() + " is yours now')]");
        assertThat(supervisorSees.text(notification)).contains(REASON);
        supervisorSees.click(By.xpath("//*[@id='staff-notifications']//li[contains(., '" + supportCase.reference()
                + " is yours now')]//button"));
        supervisorSees.waitUntil(d -> d.findElements(notification).isEmpty());
        supervisorSees.go("/inbox");
        supervisorSees.find(By.cssSelector("#staff-notifications #notifications"));
        assertThat(supervisorSees.all(notification))
                .as("read notifications stay read")
                .isEmpty();
    }

    @Test
    void theInboxListsTheSoonestBreachFirst() {
        var team = "lids-" + suffix();
        var owner = people.owner("Hanne");
        var agent = people.agent("Ole");
        var answered = open(owner, "Answered, resolution due in five days", team);
        cases.reply(
                answered.getId(),
                "A new lid is on its way.",
                null,
                new Actor(agent.username(), agent.displayName(), Channel.PORTAL));
        var waitingLongest = open(owner, "Waiting longest for a first answer", team);
        var waitingShortest = open(owner, "Waiting shortest for a first answer", team);

        var agentSees = browser().signIn(agent.username(), People.PASSWORD);
        // by latest change first (the default order is now most at stake first)
        agentSees.go("/inbox?team=" + team + "&sort=updated");
        assertThat(subjects(agentSees))
                .containsExactly(waitingShortest.getSubject(), waitingLongest.getSubject(), answered.getSubject());

        new Select(agentSees.find(By.id("sort-select"))).selectByVisibleText("Soonest breach first");
        agentSees.clickToPage(By.cssSelector(".filters button[type=submit]"));

        assertThat(agentSees.path()).contains("sort=breach");
        assertThat(subjects(agentSees))
                .containsExactly(waitingLongest.getSubject(), waitingShortest.getSubject(), answered.getSubject());
        assertThat(breachColumn(agentSees))
                .satisfiesExactly(
                        first -> assertThat(first).matches("in 3 h 5\\d min"),
                        second -> assertThat(second).matches("in 3 h 5\\d min"),
                        third -> assertThat(third).matches("in 4 d 23 h"));
    }

    private SupportCase open(People.Owner owner, String subject, String team) {
        return cases.open(
                new OpenCase(
                        owner.customerId(),
                        subject,
                        "It was due on Monday.",
                        Channel.PORTAL,
                        Priority.NORMAL,
                        team,
                        null,
                        null),
                new Actor(owner.username(), owner.name(), Channel.PORTAL));
    }

    /** The subjects in the inbox rows, read at one moment (the rows refresh themselves every second). */
    private static List<String> subjects(Browser browser) {
        return column(browser, "Subject");
    }

    private static List<String> breachColumn(Browser browser) {
        return column(browser, "Breach");
    }

    @SuppressWarnings("unchecked")
    private static List<String> column(Browser browser, String label) {
        browser.find(By.cssSelector("#inbox-rows td[data-label=" + label + "]"));
        return (List<String>) browser.script(
                "return Array.from(document.querySelectorAll('#inbox-rows td[data-label=' + arguments[0] + ']'))"
                        + ".map(td => td.textContent.trim());",
                label);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
