package io.directline.broadcast.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.broadcast.BroadcastFixtures;
import io.directline.channel.Notices;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.journey.Segment;
import io.directline.testsupport.UniqueNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fan-out cut short resumes from its cursor: the node approved a broadcast and died before its fan-out ran, another
 * page failed before it committed, and the fan-out that resumes after the restart queues every owner's notice once —
 * none twice, none skipped. Pages of 2; the periodic sweep is held off so the test decides when it resumes.
 */
@SpringBootTest(properties = {"directline.broadcast.page-size=2", "directline.broadcast.resume-every=1h"})
class FanOutResumeTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Broadcasts broadcasts;

    @Autowired
    FanOut fanOut;

    @Autowired
    Notices notices;

    @Autowired
    CustomerManagement customers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aFanOutStoppedMidWayResumesFromItsCursorWithNoDuplicateAndNoSkippedOwner() throws Exception {
        var model = UniqueNames.unique("Resume");
        var owners = new ArrayList<Long>();
        for (int i = 0; i < 7; i++) {
            owners.add(customers
                    .register(CustomerFixtures.owner("Resumed" + i + " Owner"))
                    .getId());
        }
        BroadcastFixtures.ordersOfModel(context, owners, model, "a storm in the port");
        var segment = new Segment(model, null, null, null, null, null, null, null, null, Set.of());
        var made = broadcasts.create(
                segment,
                new Template("{firstName}: {orderRef}", "Dear {firstName}, {orderRef} arrives {newDate}.", null),
                new Broadcasts.Staff("sam", "Sam Supervisor"),
                null);
        long id = made.broadcast().getId();
        // approved on a node that died before its fan-out began
        jdbc.update(
                "update broadcast set status = 'SENDING', approved_by = 'erin', approved_at = current_timestamp"
                        + " where id = ?",
                id);

        assertThat(fanOut.nextPage(id)).isTrue();
        assertThat(fanOut.nextPage(id)).isTrue();
        var third = new TransactionTemplate(transactionManager);
        third.executeWithoutResult(status -> {
            fanOut.nextPage(id);
            status.setRollbackOnly(); // the page fails before it commits
        });

        var cut = broadcasts.get(id);
        assertThat(cut.getQueued()).as("queued before the failure").isEqualTo(4);
        assertThat(cut.getCursorCustomerId()).isEqualTo(owners.get(3));
        assertThat(notices.progress(Broadcast.source(id)).total())
                .as("the failed page left nothing")
                .isEqualTo(4);

        fanOut.resumeStopped(); // what a restart does
        var until = System.nanoTime() + 60_000_000_000L;
        while (broadcasts.get(id).getStatus() != BroadcastStatus.QUEUED && System.nanoTime() < until) {
            Thread.sleep(50);
        }

        var done = broadcasts.get(id);
        assertThat(done.getStatus()).isEqualTo(BroadcastStatus.QUEUED);
        assertThat(done.getQueued()).isEqualTo(7);
        assertThat(notices.progress(Broadcast.source(id)).total()).isEqualTo(7);
        for (long owner : owners) {
            assertThat(ofBroadcast(owner, id)).as("notices of owner %d", owner).hasSize(1);
        }
    }

    @Test
    void aCancelledBroadcastQueuesNoFurtherPage() {
        var model = UniqueNames.unique("Stopped");
        var owners = List.of(
                customers.register(CustomerFixtures.owner("Stopped One")).getId(),
                customers.register(CustomerFixtures.owner("Stopped Two")).getId(),
                customers.register(CustomerFixtures.owner("Stopped Three")).getId());
        BroadcastFixtures.ordersOfModel(context, owners, model, "a strike");
        var segment = new Segment(model, null, null, null, null, null, null, null, null, Set.of());
        long id = broadcasts
                .create(
                        segment,
                        new Template("News", "Dear {firstName}.", null),
                        new Broadcasts.Staff("sam", "Sam Supervisor"),
                        null)
                .broadcast()
                .getId();
        jdbc.update("update broadcast set status = 'SENDING' where id = ?", id);
        assertThat(fanOut.nextPage(id)).isTrue();

        broadcasts.cancel(id, new Broadcasts.Staff("erin", "Erin Executive"));

        assertThat(fanOut.nextPage(id)).isFalse();
        var progress = notices.progress(Broadcast.source(id));
        assertThat(progress.total()).as("only the first page was queued").isEqualTo(2);
        assertThat(progress.queued() + progress.waitingForQuietHours()).isZero();
    }

    private List<io.directline.channel.SentNotice> ofBroadcast(long customerId, long broadcastId) {
        return notices.ofOwner(customerId, 100).stream()
                .filter(n -> n.source().equals(Broadcast.source(broadcastId)))
                .toList();
    }
}
