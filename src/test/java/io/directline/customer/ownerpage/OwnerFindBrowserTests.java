package io.directline.customer.ownerpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerDetails;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import io.directline.testsupport.UniqueNames;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** An agent finds an owner by phone number from the find box of the navigation, with the keyboard or the mouse. */
class OwnerFindBrowserTests extends ScreenTest {

    @Test
    void anAgentFindsAnOwnerByPhoneNumberFromTheFindBoxAndSeesTheirCases() {
        int line = ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String written = "+1 (555) " + String.valueOf(line).substring(0, 3) + "-"
                + String.valueOf(line).substring(3);
        var name = "Ysolde " + UniqueNames.suffix() + " Farrow";
        var owner = customers.register(
                new CustomerDetails(name, null, written, Channel.SMS, null, "America/New_York", null, null, null));
        var voice = new Actor("owner", name, Channel.SMS);
        cases.open(
                new OpenCase(
                        owner.getId(),
                        "Wiper blades squeak",
                        "They squeak.",
                        Channel.SMS,
                        Priority.NORMAL,
                        null,
                        null,
                        null),
                voice);
        cases.open(
                new OpenCase(
                        owner.getId(),
                        "Invoice twice charged",
                        "Charged twice.",
                        Channel.EMAIL,
                        Priority.NORMAL,
                        null,
                        "ORD-" + line,
                        null),
                voice);
        var agent = people.agent("Fay");

        var sees = browser().signIn(agent.username(), People.PASSWORD);
        assertThat(sees.find(By.cssSelector("label[for=find-q]")).getText()).isEqualTo("Find");
        sees.type(By.id("find-q"), "1555" + line);
        var match = By.xpath("//div[@id='find-results']//a[contains(normalize-space(), '" + name + "')]");
        sees.waitUntil(d -> !d.findElements(match).isEmpty());
        assertThat(sees.find(match).getAttribute("href")).endsWith("/customers/" + owner.getId());

        // the keyboard: the arrow moves from the box into the matches, Enter opens the one in focus
        sees.find(By.id("find-q")).sendKeys(Keys.ARROW_DOWN);
        assertThat(sees.script("return document.activeElement.getAttribute('href');"))
                .isEqualTo("/customers/" + owner.getId());
        sees.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        sees.waitUntil(d -> sees.path().equals("/customers/" + owner.getId()));

        assertThat(sees.text(By.id("owner-name"))).isEqualTo(name);
        assertThat(sees.text(By.id("owner-handles"))).contains("+1555" + line);
        var timeline = sees.text(By.id("owner-cases"));
        assertThat(timeline).contains("Wiper blades squeak").contains("SMS");
        assertThat(timeline).contains("Invoice twice charged").contains("EMAIL").contains("ORD-" + line);
        assertThat(sees.policyViolations()).isEmpty();

        // the mouse, from the owner page: an order number finds the case, and the case links back to its owner
        sees.type(By.id("find-q"), "ORD-" + line);
        var caseMatch = By.xpath("//div[@id='find-results']//a[contains(normalize-space(), 'Invoice twice charged')]");
        sees.waitUntil(d -> !d.findElements(caseMatch).isEmpty());
        sees.clickToPage(caseMatch);
        assertThat(sees.path()).startsWith("/cases/");
        sees.clickToPage(By.id("case-owner"));
        assertThat(sees.path()).isEqualTo("/customers/" + owner.getId());
    }

    @Test
    void anOwnerHasNoFindBox() {
        var owner = people.owner("Nosy");
        var sees = browser().signIn(owner.username(), People.PASSWORD);
        assertThat(sees.path()).isEqualTo("/portal");
        assertThat(sees.all(By.id("find-q"))).isEmpty();
    }
}
