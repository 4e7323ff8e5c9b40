package io.directline.sla.promise;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An agent records a promise on a case and keeps it; the owner follows it on the portal. */
class PromiseScreensBrowserTests extends ScreenTest {

    @Test
    void agentRecordsAndKeepsAPromiseTheOwnerFollows() {
        var owner = people.owner("Priya");
        var agent = people.agent("Omar");
        long caseId = people.caseWithConversation(owner, agent);

        var agentSees = browser().signIn(agent.username(), People.PASSWORD);
        agentSees.go("/cases/" + caseId);
        agentSees.clickToPage(By.id("case-promises"));
        assertThat(agentSees.path()).isEqualTo("/cases/" + caseId + "/promises");
        assertThat(agentSees.text(By.id("no-promises"))).contains("Nothing has been promised");

        agentSees.type(By.id("promise-description"), "We will call you back Friday.");
        var due = LocalDateTime.now(ZoneOffset.UTC).plusDays(2).withSecond(0).withNano(0);
        agentSees.script(
                "document.getElementById('promise-due').value = arguments[0];",
                due.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16));
        agentSees.clickToPage(By.id("record-promise"));
        assertThat(agentSees.text(By.id("promises")))
                .contains("We will call you back Friday.")
                .contains(agent.username())
                .contains("OPEN");

        var ownerSees = browser().signIn(owner.username(), People.PASSWORD);
        ownerSees.go("/portal/cases/" + caseId);
        ownerSees.clickToPage(By.id("case-promises"));
        assertThat(ownerSees.text(By.id("promises")))
                .contains("We will call you back Friday.")
                .contains("open");

        agentSees.type(By.cssSelector("#promises textarea[name=message]"), "The new lid reaches you on Thursday.");
        agentSees.clickToPage(By.cssSelector("#promises button[type=submit]"));
        assertThat(agentSees.text(By.id("promises"))).contains("KEPT");

        ownerSees.go("/portal/cases/" + caseId + "/promises");
        assertThat(ownerSees.text(By.id("promises"))).contains("kept");
        ownerSees.go("/portal/cases/" + caseId);
        assertThat(ownerSees.text(By.cssSelector(".conversation"))).contains("The new lid reaches you on Thursday.");

        var stranger = people.owner("Stella");
        var strangerSees = browser().signIn(stranger.username(), People.PASSWORD);
        strangerSees.go("/portal/cases/" + caseId + "/promises");
        assertThat(strangerSees.text(By.tagName("h1"))).isEqualTo("We could not find that page");
        assertThat(strangerSees.pageText()).doesNotContain("We will call you back Friday.");
    }

    @Test
    void aPromiseDueInThePastIsRefusedWithASentence() {
        var owner = people.owner("Jonas");
        var agent = people.agent("Lea");
        long caseId = people.caseWithConversation(owner, agent);

        var agentSees = browser().signIn(agent.username(), People.PASSWORD);
        agentSees.go("/cases/" + caseId + "/promises");
        agentSees.type(By.id("promise-description"), "Yesterday, honestly.");
        agentSees.script("document.getElementById('promise-due').value = '2020-01-01T10:00';");
        agentSees.clickToPage(By.id("record-promise"));

        assertThat(agentSees.path()).isEqualTo("/cases/" + caseId + "/promises");
        assertThat(agentSees.text(By.cssSelector(".problem"))).contains("dueAt");
        assertThat(agentSees.text(By.id("no-promises"))).contains("Nothing has been promised");
    }
}
