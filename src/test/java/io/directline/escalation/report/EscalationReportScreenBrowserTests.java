package io.directline.escalation.report;

import static io.directline.escalation.EscalationFixtures.REASON;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.customer.Channel;
import io.directline.escalation.EscalationFixtures;
import io.directline.escalation.office.EscalationRequests;
import io.directline.identity.Role;
import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supervisor opens the escalation figures and sees the requests, the refusals by rule drawn as bars with their
 * table, and the outcomes. The screen counts the whole shared database of the suite, so the test looks for at least
 * what it made itself: an owner refused for too short a reason, then let through. It leaves screenshots of the
 * screen at desktop and phone size in {@code target/screenshots/}.
 */
class EscalationReportScreenBrowserTests extends ScreenTest {

    @Autowired
    EscalationRequests escalations;

    @Test
    void aSupervisorSeesRequestsRefusalsByRuleAndOutcomesAsBars() {
        var owner = people.owner("Hanna");
        people.staff("Report", Role.EXECUTIVE, "support");
        var supervisor = people.staff("Report", Role.SUPERVISOR, "support").username();
        var ownerVoice = new Actor(owner.username(), owner.name(), Channel.PORTAL);
        long caseId = EscalationFixtures.oldCase(cases, owner.customerId(), Duration.ofDays(3));
        var refused = escalations.request(caseId, owner.customerId(), "Call me.", "service", null, ownerVoice);
        assertThat(refused.decision().refusal().rule()).isEqualTo("reason-length");
        var made = escalations.request(caseId, owner.customerId(), REASON, "service", null, ownerVoice);
        assertThat(made.escalation()).as("let through").isNotNull();

        var supervisorSees = browser().signIn(supervisor, People.PASSWORD);
        supervisorSees.clickToPage(By.linkText("Escalation figures"));

        assertThat(supervisorSees.path()).isEqualTo("/supervisor/escalations");
        assertThat(supervisorSees.text(By.tagName("h1"))).isEqualTo("Executive escalations");
        assertThat(number(supervisorSees.text(By.cssSelector("#requests .figure-value"))))
                .isGreaterThanOrEqualTo(2);
        assertThat(number(supervisorSees.text(By.cssSelector("#escalations-made .figure-value"))))
                .isGreaterThanOrEqualTo(1);
        assertThat(supervisorSees.text(By.id("frivolous"))).contains("marked frivolous by the office");
        assertThat(supervisorSees.text(By.id("first-response"))).contains("median of", "90th percentile");

        var refusals = supervisorSees.find(By.id("refusals-chart"));
        assertThat(refusals.getText()).contains("The reason was too short");
        var bars = supervisorSees.all(By.cssSelector("#refusals-chart rect.bar-refused"));
        assertThat(bars).as("a bar per rule that refused").isNotEmpty();
        assertThat(bars.get(0).getRect().getWidth())
                .as("drawn, not just present")
                .isPositive();
        var row = supervisorSees.find(By.xpath("//table[@id='refusals-table']//tr[td/code[text()='reason-length']]"));
        assertThat(row.getText()).contains("The reason was too short").containsPattern("[1-9]\\d*$");

        assertThat(supervisorSees.find(By.id("outcomes-chart")).getText())
                .contains("With the executive", "Answered", "Refused by the executive office");
        assertThat(supervisorSees.all(By.cssSelector("#outcomes-chart rect.bar-outcome")))
                .isNotEmpty();
        var withExecutive = supervisorSees.find(
                By.xpath("//table[@id='outcomes-table']//tr[td[text()='With the executive']]/td[2]"));
        assertThat(number(withExecutive.getText())).isGreaterThanOrEqualTo(1);

        supervisorSees.fullPageScreenshot("desktop-escalation-figures-full");
        supervisorSees.resize(Browser.PHONE);
        assertThat(supervisorSees.horizontalOverflow())
                .as("scrolls sideways on a phone; past the right edge: %s", supervisorSees.elementsPastTheRightEdge())
                .isZero();
        supervisorSees.fullPageScreenshot("phone-escalation-figures-full");
    }

    private static long number(String text) {
        return Long.parseLong(text.strip());
    }
}
