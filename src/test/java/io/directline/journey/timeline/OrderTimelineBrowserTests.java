package io.directline.journey.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.channel.Notice;
import io.directline.channel.Notices;
import io.directline.customer.Channel;
import io.directline.journey.JourneyFixtures;
import io.directline.journey.Milestone;
import io.directline.journey.Orders;
import io.directline.testsupport.Accessibility;
import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner follows an order on the portal: each milestone promised, estimated and done, the moved delivery date with
 * its reason, what we told them about the order (when, how, the text), and their case about the order one link (and
 * one key press) away. The staff owner page shows the same
 * order, and the case page links it.
 */
class OrderTimelineBrowserTests extends ScreenTest {

    @Autowired
    Orders orders;

    @Autowired
    Notices notices;

    @Test
    void ownerSeesTheMovedDateAndItsReasonAndTheirCaseAboutTheOrder() {
        var owner = people.owner("Tilda");
        var ref = "ORD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        orders.upsert(ref, JourneyFixtures.order(owner.customerId(), "Meridian", LocalDate.of(2027, 3, 1)));
        orders.moveEstimate(
                ref, Milestone.DELIVERED, LocalDate.of(2027, 3, 22), "The paint shop was closed for repairs", "import");
        long caseId = cases.open(
                        new OpenCase(
                                owner.customerId(),
                                "Where is my Meridian?",
                                "Any news?",
                                Channel.PORTAL,
                                Priority.NORMAL,
                                null,
                                ref,
                                null),
                        new Actor(owner.username(), owner.name(), Channel.PORTAL))
                .getId();

        // what we told the owner: their delay notice and their share of a broadcast about this order, and a notice
        // about something else, which stays off the order's timeline
        var delaySource = "delay:" + ref + ":DELIVERED";
        notices.queue(new Notice(
                owner.customerId(),
                delaySource,
                "Your Meridian arrives later",
                "Dear Tilda, your order now arrives on 22 March 2027 instead of 1 March 2027: the paint shop was"
                        + " closed for repairs.",
                null,
                "Direct Line",
                null,
                delaySource + ":1"));
        var broadcastSource = "broadcast:" + UUID.randomUUID();
        notices.queue(new Notice(
                owner.customerId(),
                broadcastSource,
                "Tilda, news about " + ref,
                "Dear Tilda, the whole Meridian series waits for paint.",
                null,
                "Sam Supervisor",
                null,
                broadcastSource + ":" + owner.customerId()));
        var otherSource = "broadcast:" + UUID.randomUUID();
        notices.queue(new Notice(
                owner.customerId(),
                otherSource,
                "Our service centres open on Sundays",
                "Dear Tilda, from May our service centres open on Sundays.",
                null,
                "Sam Supervisor",
                null,
                otherSource + ":" + owner.customerId()));

        // the owner asked before we told them: the recovery playbook for that apologises, about the order
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> notices.ofOwner(owner.customerId(), 10).stream()
                        .anyMatch(n -> n.subject().startsWith("We are sorry")));

        var ownerSees = browser().signIn(owner.username(), People.PASSWORD);
        ownerSees.clickToPage(By.linkText("My orders"));
        assertThat(ownerSees.path()).isEqualTo("/portal/orders");
        var order = ownerSees.find(By.id("order-" + ref));
        assertThat(order.getText())
                .contains("Meridian", "delayed", "Delivery", "1 March 2027", "22 March 2027")
                .contains("The paint shop was closed for repairs")
                .contains("Where is my Meridian?");
        var told = ownerSees.text(By.cssSelector("#order-" + ref + " .order-notices"));
        assertThat(told)
                .contains("Your Meridian arrives later", "instead of 1 March 2027", "on the portal")
                .contains("Tilda, news about " + ref, "the whole Meridian series waits for paint")
                .contains("We are sorry: you had to ask us about the delay of your order " + ref)
                .doesNotContain("Sundays");
        assertThat(order.findElements(By.cssSelector(".order-notice"))).hasSize(3);
        assertThat(Accessibility.seriousViolations(ownerSees)).isEmpty();
        ownerSees.fullPageScreenshot("desktop-portal-orders");

        // the case is reachable from the keyboard: focus its link, press Enter
        var caseLink = ownerSees.find(By.cssSelector("#order-" + ref + " .order-cases a"));
        caseLink.sendKeys(Keys.ENTER);
        ownerSees.waitUntil(d -> d.getCurrentUrl().endsWith("/portal/cases/" + caseId));

        ownerSees.resize(Browser.PHONE);
        ownerSees.go("/portal/orders");
        assertThat(ownerSees.horizontalOverflow())
                .as("past the right edge: %s", ownerSees.elementsPastTheRightEdge())
                .isZero();
        ownerSees.fullPageScreenshot("phone-portal-orders");

        var agent = people.agent("Torben");
        var agentSees = browser().signIn(agent.username(), People.PASSWORD);
        agentSees.go("/cases/" + caseId);
        assertThat(agentSees.text(By.id("case-order"))).isEqualTo(ref);
        assertThat(agentSees.text(By.id("case-order-stage"))).contains("Reservation");
        agentSees.clickToPage(By.id("case-order"));
        assertThat(agentSees.text(By.id("owner-orders")))
                .contains(ref, "Meridian", "The paint shop was closed for repairs");
    }
}
