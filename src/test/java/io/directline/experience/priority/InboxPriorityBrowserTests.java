package io.directline.experience.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.experience.EntrySource;
import io.directline.experience.ledger.Ledger;
import io.directline.experience.ledger.NewEntry;
import io.directline.journey.Milestone;
import io.directline.journey.MilestonePlan;
import io.directline.journey.OrderDetails;
import io.directline.journey.Orders;
import io.directline.journey.Price;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import io.directline.testsupport.UniqueNames;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The agent's inbox puts the owner at risk first and says on every row why it is where it is. */
class InboxPriorityBrowserTests extends ScreenTest {

    @Autowired
    Ledger ledger;

    @Autowired
    Orders orders;

    @Test
    void theInboxShowsTheMostAtStakeFirstWithItsReasonOnEachRow() {
        var team = UniqueNames.unique("stake");
        var calm = people.owner("Calm");
        var upset = people.owner("Upset");
        orders.upsert(
                "PRI-" + UUID.randomUUID().toString().substring(0, 8),
                new OrderDetails(
                        upset.customerId(),
                        "Aurora GT",
                        null,
                        null,
                        null,
                        null,
                        null,
                        Set.of(),
                        Map.of(
                                Milestone.ORDER_CONFIRMED,
                                new MilestonePlan(
                                        LocalDate.now().minusYears(1),
                                        null,
                                        LocalDate.now().minusYears(1))),
                        null,
                        "test",
                        Price.usd(210_000)));
        ledger.record(new NewEntry(
                upset.customerId(),
                EntrySource.MANUAL,
                -1,
                1,
                null,
                null,
                "Kept waiting at the service desk",
                "test:" + UUID.randomUUID(),
                Instant.now(),
                "test"));
        // the calm owner writes first, so by the clock alone their case would come first
        long calmCase = open(calm, team, "Calm question " + calm.customerId());
        long upsetCase = open(upset, team, "Upset complaint " + upset.customerId());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> cases.get(upsetCase).getStakeReason() != null
                        && cases.get(upsetCase).getStakeReason().contains("owner at risk"));

        var agent = people.agent("Priya");
        var screen = browser().signIn(agent.username(), People.PASSWORD);
        screen.go("/inbox?team=" + team);
        var rows = screen.driver().findElements(By.cssSelector("#inbox-rows tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("Upset complaint");
        assertThat(rows.get(1).getText()).contains("Calm question");
        for (var row : rows) {
            assertThat(row.findElement(By.cssSelector("td.why-here")).getText())
                    .matches("(breaches in |breached |no SLA clock running).*");
        }
        assertThat(rows.get(0).findElement(By.cssSelector("td.why-here")).getText())
                // $210,000 × loyalty 1.1 (one year since the purchase)
                .contains("owner at risk (balance −12)")
                .contains("$231k lifetime value");
        assertThat(screen.text(By.id("sort-select"))).contains("Most at stake first");
        assertThat(calmCase).isNotEqualTo(upsetCase);
    }

    private long open(People.Owner owner, String team, String subject) {
        return cases.open(
                        new OpenCase(
                                owner.customerId(),
                                subject,
                                "Please call me.",
                                Channel.PORTAL,
                                Priority.NORMAL,
                                team,
                                null,
                                null),
                        new Actor(owner.username(), owner.name(), Channel.PORTAL))
                .getId();
    }
}
