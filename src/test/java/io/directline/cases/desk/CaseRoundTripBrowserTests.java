package io.directline.cases.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.Select;

/** An owner and an agent, each in their own browser, work one case from first message to reopened. */
class CaseRoundTripBrowserTests extends ScreenTest {

    @Test
    void ownerAndAgentWorkACaseFromFirstMessageToReopened() {
        var owner = people.owner("Margaret");
        var agent = people.agent("Tom");
        var subject = "Kettle lid will not close " + owner.customerId();

        // The agent is already looking at the inbox when the owner writes in.
        var agentSees = browser().signIn(agent.username(), People.PASSWORD);
        assertThat(agentSees.path()).isEqualTo("/inbox");
        // sorted by the latest change, where a new case comes first (the default order puts it by what is at stake,
        // behind the cases of this suite's other tests that breach sooner)
        agentSees.go("/inbox?sort=updated");
        assertThat(agentSees.pageText()).doesNotContain(subject);
        agentSees.script("window.sameInboxPage = true;");

        // The owner opens a case on the portal.
        var ownerSees = browser().signIn(owner.username(), People.PASSWORD);
        assertThat(ownerSees.path()).isEqualTo("/portal");
        ownerSees.clickToPage(By.id("new-case"));
        assertThat(ownerSees.path()).isEqualTo("/portal/new");
        ownerSees.type(By.id("subject"), subject);
        ownerSees.type(By.id("body"), "Since Tuesday the lid of my kettle springs open while it boils.");
        ownerSees.clickToPage(By.id("submit-case"));
        ownerSees.waitUntil(d -> ownerSees.path().matches("/portal/cases/\\d+"));
        long caseId = Long.parseLong(ownerSees.path().substring("/portal/cases/".length()));
        assertThat(ownerSees.text(By.id("case-subject"))).isEqualTo(subject);
        assertThat(ownerSees.text(By.id("case-status"))).isEqualTo("New");
        assertThat(ownerSees.text(By.cssSelector(".conversation"))).contains("springs open while it boils");

        ownerSees.go("/portal");
        var myCase = ownerSees.find(By.cssSelector("a[href='/portal/cases/" + caseId + "']"));
        assertThat(myCase.getText()).contains(subject).contains("New");

        // The case turns up in the agent's inbox without the agent reloading the page.
        var inboxLink = By.linkText(subject);
        agentSees.waitUntil(d -> !d.findElements(inboxLink).isEmpty());
        assertThat(agentSees.script("return window.sameInboxPage === true;")).isEqualTo(true);
        assertThat(agentSees
                        .find(By.xpath("//tr[.//a[normalize-space()='" + subject + "']]"))
                        .getText())
                .contains(owner.name())
                .contains("New");

        // The agent opens it, answers the owner, leaves a note, takes it and resolves it.
        agentSees.clickToPage(inboxLink);
        assertThat(agentSees.path()).isEqualTo("/cases/" + caseId);
        assertThat(agentSees.text(By.id("case-status"))).isEqualTo("New");
        assertThat(agentSees.text(By.cssSelector(".conversation"))).contains("springs open while it boils");

        agentSees.type(By.id("reply-body"), "Sorry to hear that! A new lid is on its way to you.");
        agentSees.clickToPage(By.id("send-reply"));
        agentSees.waitUntil(d -> agentSees.pageText().contains("A new lid is on its way to you."));

        agentSees.click(By.cssSelector("input[name=visibility][value=INTERNAL]"));
        agentSees.type(By.id("reply-body"), "Third lid this month for model K2, tell product.");
        agentSees.clickToPage(By.id("send-reply"));
        agentSees.waitUntil(d -> agentSees.pageText().contains("Third lid this month"));
        assertThat(agentSees.text(By.cssSelector(".message.internal"))).contains("Third lid this month");

        new Select(agentSees.find(By.id("assignee-select"))).selectByValue(agent.username());
        new Select(agentSees.find(By.id("status-select"))).selectByValue("RESOLVED");
        agentSees.clickToPage(By.id("save-case"));
        agentSees.waitUntil(d -> agentSees.text(By.id("case-status")).equals("Resolved"));
        assertThat(new Select(agentSees.find(By.id("assignee-select")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo(agent.displayName());
        // The audit trail tells what changed, and only that: the untouched tags and team are not news.
        agentSees.click(By.cssSelector("details summary"));
        assertThat(agentSees.text(By.cssSelector(".audit")))
                .contains("Assigned to " + agent.username())
                .contains("OPEN → RESOLVED")
                .doesNotContain("TAGS_CHANGED")
                .doesNotContain("TEAM_CHANGED")
                .doesNotContain("PRIORITY_CHANGED");

        // The owner reads the answer, never the note, and writes back: the case is open again.
        ownerSees.go("/portal/cases/" + caseId);
        assertThat(ownerSees.text(By.id("case-status"))).isEqualTo("Resolved");
        assertThat(ownerSees.pageText())
                .contains("A new lid is on its way to you.")
                .contains(agent.displayName())
                .doesNotContain("Third lid this month")
                .doesNotContain("tell product");
        assertThat(ownerSees.all(By.cssSelector(".message.internal"))).isEmpty();

        ownerSees.type(By.id("reply-body"), "Thank you, but the box came without the lid.");
        ownerSees.clickToPage(By.id("send-reply"));
        ownerSees.waitUntil(d -> ownerSees.pageText().contains("the box came without the lid"));
        assertThat(ownerSees.text(By.id("case-status"))).isEqualTo("Open");

        ownerSees.go("/portal");
        assertThat(ownerSees
                        .find(By.cssSelector("a[href='/portal/cases/" + caseId + "']"))
                        .getText())
                .contains("Open");

        // The agent sees the owner's answer.
        agentSees.go("/cases/" + caseId);
        assertThat(agentSees.text(By.id("case-status"))).isEqualTo("Open");
        assertThat(agentSees.text(By.cssSelector(".conversation")))
                .contains("the box came without the lid")
                .contains("Third lid this month");
    }

    @Test
    void markupAnOwnerTypesReachesTheAgentHarmless() {
        var owner = people.owner("Ada");
        var agent = people.agent("Lin");
        var subject = "<i>Lamp</i> flickers " + owner.customerId();
        var markup = "<img src=x onerror=alert(1)><b>bold</b> words <script>alert(2)</script>and the rest";

        var ownerSees = browser().signIn(owner.username(), People.PASSWORD);
        ownerSees.go("/portal/new");
        ownerSees.type(By.id("subject"), subject);
        ownerSees.type(By.id("body"), markup);
        ownerSees.clickToPage(By.id("submit-case"));
        ownerSees.waitUntil(d -> ownerSees.path().matches("/portal/cases/\\d+"));
        var caseId = ownerSees.path().substring("/portal/cases/".length());
        ownerSees.type(By.id("reply-body"), "<img src=y onerror=alert(3)>Also <u>this</u>");
        ownerSees.clickToPage(By.id("send-reply"));
        ownerSees.waitUntil(d -> ownerSees.pageText().contains("Also this"));

        var agentSees = browser().signIn(agent.username(), People.PASSWORD);
        agentSees.go("/inbox?sort=updated");
        agentSees.waitUntil(d -> !d.findElements(By.linkText(subject)).isEmpty());
        agentSees.go("/cases/" + caseId);
        agentSees.waitUntil(d -> "complete".equals(agentSees.script("return document.readyState;")));

        // The subject shows as typed, as text; no markup of it reached the page.
        assertThat(agentSees.text(By.id("case-subject"))).isEqualTo(subject);
        assertThat(agentSees.all(By.cssSelector("#case-subject i"))).isEmpty();
        // The message keeps its words and harmless formatting; nothing that can run script survives.
        var conversation = agentSees.text(By.cssSelector(".conversation"));
        assertThat(conversation).contains("bold words and the rest").contains("Also this");
        assertThat(agentSees.text(By.cssSelector(".message .body b"))).isEqualTo("bold");
        assertThat(agentSees.all(By.cssSelector(".conversation img"))).isEmpty();
        assertThat(agentSees.all(By.cssSelector("[onerror]"))).isEmpty();
        assertThat(agentSees.all(By.cssSelector(".conversation script"))).isEmpty();
        assertThat(agentSees.script("return document.documentElement.outerHTML;"))
                .asString()
                .doesNotContain("alert(");
        try {
            var alert = agentSees.driver().switchTo().alert();
            throw new AssertionError("A script ran on the agent's page and opened: " + alert.getText());
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }
}
