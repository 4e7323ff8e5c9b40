package io.directline.escalation.office;

import static io.directline.escalation.EscalationFixtures.REASON;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.SupportCase;
import io.directline.escalation.EscalationFixtures;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The owner sees on their case page whether they can take it to an executive, and why not; an executive works
 * the escalation from the executive office's screen and the owner reads the signed answer.
 */
class ExecutiveEscalationBrowserTests extends ScreenTest {

    @Test
    void theOwnerSeesWhyNotYetOnAYoungCase() {
        var owner = people.owner("Yara");
        var agent = people.agent("Yves");
        long caseId = people.caseWithConversation(owner, agent);

        var ownerSees = browser().signIn(owner.username(), People.PASSWORD);
        ownerSees.go("/portal/cases/" + caseId);

        var refusal = ownerSees.waitUntil(d -> d.findElement(By.id("escalation-refusal")));
        assertThat(refusal.getText())
                .contains("the team gets 24 hours to answer")
                .contains("You can escalate it from")
                .contains("supervisor callback");
        assertThat(ownerSees.find(By.id("escalate-button")).isEnabled()).isFalse();
    }

    @Test
    void anOwnerEscalatesAndAnExecutiveAnswersFromTheOffice() {
        var owner = people.owner("Elena");
        long caseId = EscalationFixtures.oldCase(cases, owner.customerId(), Duration.ofDays(3));
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var executive = "exec.browser." + suffix;
        users.createUser(new NewUser(
                executive, People.PASSWORD, "Edith Exec-" + suffix, null, null, Set.of(Role.EXECUTIVE), null));

        var ownerSees = browser().signIn(owner.username(), People.PASSWORD);
        ownerSees.go("/portal/cases/" + caseId);
        ownerSees.waitUntil(d -> d.findElement(By.id("escalation-eligible")));
        ownerSees.type(By.id("escalation-reason"), REASON);
        ownerSees.clickToPage(By.id("escalate-button"));
        var open = ownerSees.waitUntil(d -> d.findElement(By.id("escalation-open")));
        assertThat(open.getText()).contains("will answer you personally by");

        var executiveSees = browser().signIn(executive, People.PASSWORD);
        executiveSees.go("/inbox");
        executiveSees.clickToPage(By.id("nav-executive-office"));
        assertThat(executiveSees.text(By.id("office-open"))).contains(SupportCase.reference(caseId));
        executiveSees.clickToPage(By.linkText(SupportCase.reference(caseId)));
        assertThat(executiveSees.text(By.id("escalation-reason"))).isEqualTo(REASON);
        executiveSees.type(By.id("answer-body"), "I am sorry. Our workshop manager will call you this afternoon.");
        executiveSees.clickToPage(By.id("answer"));
        assertThat(executiveSees.text(By.id("escalation-state"))).isEqualTo("answered");

        ownerSees.go("/portal/cases/" + caseId);
        assertThat(ownerSees.text(By.cssSelector(".conversation")))
                .contains("Our workshop manager will call you this afternoon.")
                .contains("— Edith Exec-" + suffix);

        executiveSees.resize(Browser.PHONE);
        for (var path : List.of("/executive/escalations", executiveSees.path())) {
            executiveSees.go(path);
            assertThat(executiveSees.horizontalOverflow())
                    .as("%s scrolls sideways on a phone: %s", path, executiveSees.elementsPastTheRightEdge())
                    .isZero();
        }
        ownerSees.resize(Browser.PHONE).go("/portal/cases/" + caseId);
        // answered, the escalation is no longer open: the panel says why another one must wait
        assertThat(ownerSees
                        .waitUntil(d -> d.findElement(By.id("escalation-refusal")))
                        .getText())
                .contains("You can escalate again from");
        assertThat(ownerSees.horizontalOverflow())
                .as("the portal case scrolls sideways on a phone: %s", ownerSees.elementsPastTheRightEdge())
                .isZero();
    }
}
