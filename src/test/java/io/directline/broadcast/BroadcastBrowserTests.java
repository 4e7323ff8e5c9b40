package io.directline.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.identity.Role;
import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import io.directline.testsupport.UniqueNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A supervisor builds a segment, sees the preview with the count and the owners' own texts, sends it for approval; a
 * second person approves and the progress bar runs to the end; the owner reads the notice on the portal. An executive
 * sends a personal note and the owner reads it, signed, on the portal.
 */
class BroadcastBrowserTests extends ScreenTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aSupervisorsBroadcastIsApprovedByASecondPersonAndRunsToTheEnd() {
        var model = UniqueNames.unique("Aurora");
        var owners = new ArrayList<People.Owner>();
        for (var first : List.of("Greta", "Hanno", "Ilse")) {
            owners.add(people.owner(first));
        }
        BroadcastFixtures.ordersOfModel(
                context, owners.stream().map(People.Owner::customerId).toList(), model, "a late batch of batteries");
        var supervisor = people.supervisor("Sabine", "delivery");
        var executive = people.staff("Edgar", Role.EXECUTIVE, null);

        var sabine = browser().signIn(supervisor.username(), People.PASSWORD);
        sabine.go("/inbox");
        sabine.clickToPage(By.id("nav-broadcasts"));
        sabine.clickToPage(By.id("new-broadcast"));
        sabine.type(By.id("b-model"), model);
        sabine.type(By.id("b-subject"), "{firstName}, your {orderRef} is later");
        sabine.type(
                By.id("b-full"),
                "Dear {firstName}, your car {orderRef} now arrives on {newDate} instead of {previousDate},"
                        + " because of {reason}.");
        sabine.type(By.id("b-short"), "{firstName}: {orderRef} now {newDate}.");
        sabine.clickToPage(By.id("preview"));

        assertThat(sabine.text(By.id("preview-count"))).contains("3 owners");
        assertThat(sabine.text(By.id("broadcast-preview")))
                .contains("Dear Greta, your car")
                .contains("because of a late batch of batteries.")
                .doesNotContain("{");
        sabine.clickToPage(By.id("submit-broadcast"));
        assertThat(sabine.text(By.id("broadcast-status"))).isEqualTo("awaiting approval");
        var page = sabine.path();

        var edgar = browser().signIn(executive.username(), People.PASSWORD);
        edgar.go(page);
        edgar.clickToPage(By.id("approve"));
        var done = new WebDriverWait(edgar.driver(), Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("progress-done")));
        assertThat(done.getText()).contains("Done");
        assertThat(edgar.text(By.id("progress"))).contains("100% finished");
        assertThat(edgar.find(By.id("progress-bar")).getAttribute("value")).isEqualTo("100");

        var greta = browser().signIn(owners.get(0).username(), People.PASSWORD);
        greta.go("/portal/notices");
        assertThat(greta.pageText())
                .contains("Greta, your")
                .contains("because of a late batch of batteries.")
                .contains("From " + supervisor.displayName());

        edgar.resize(Browser.PHONE).go(page);
        assertThat(edgar.horizontalOverflow())
                .as("the broadcast page scrolls sideways on a phone: %s", edgar.elementsPastTheRightEdge())
                .isZero();
    }

    @Test
    void anExecutiveSendsAPersonalNoteAndTheOwnerReadsItSigned() {
        var owner = people.owner("Lotte");
        var executive = people.staff("Eleanor", Role.EXECUTIVE, null);

        var eleanor = browser().signIn(executive.username(), People.PASSWORD);
        eleanor.go("/inbox");
        eleanor.clickToPage(By.id("nav-notes"));
        eleanor.type(By.id("note-owners"), String.valueOf(owner.customerId()));
        eleanor.type(By.id("note-subject"), "About your delivery");
        eleanor.type(By.id("note-body"), "I have asked our plant to put your car first. You will hear from me.");
        eleanor.clickToPage(By.id("send-note"));
        assertThat(eleanor.text(By.id("note-notice"))).contains("went to 1 owner");
        assertThat(eleanor.text(By.id("notes-written"))).contains("About your delivery");

        var lotte = browser().signIn(owner.username(), People.PASSWORD);
        lotte.go("/portal");
        lotte.clickToPage(By.id("nav-notices"));
        assertThat(lotte.pageText())
                .contains("About your delivery")
                .contains("I have asked our plant to put your car first.")
                .contains("— " + executive.displayName())
                .contains("Executive office");
    }
}
