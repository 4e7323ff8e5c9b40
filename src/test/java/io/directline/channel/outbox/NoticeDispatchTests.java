package io.directline.channel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.channel.Notice;
import io.directline.channel.NoticeProgress;
import io.directline.channel.Notices;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.testsupport.UniqueNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The dispatcher at broadcast scale, with a stand-in for the mail relay: an agent's answer queued behind thousands
 * of notices goes out first, and dispatchers claiming at the same time from several threads send every row once.
 * The schedule is off; the tests run the dispatcher themselves.
 */
@SpringBootTest(
        properties = {
            "directline.channels.outbox.enabled=false",
            "directline.channels.outbox.batch-size=50",
            "directline.channels.outbox.senders=3"
        })
class NoticeDispatchTests {

    /** Takes every e-mail and remembers it, in the order it was handed over. */
    static class MailRelay implements OutboundSender {
        final Queue<OutboundDelivery> sent = new ConcurrentLinkedQueue<>();

        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public SendResult send(OutboundDelivery delivery) {
            sent.add(delivery);
            return SendResult.of("<" + delivery.idempotencyKey() + "@relay.test>");
        }
    }

    @TestConfiguration
    static class Relay {
        @Bean
        MailRelay mailRelay() {
            return new MailRelay();
        }
    }

    @Autowired
    MailRelay relay;

    @Autowired
    Notices notices;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    OutboundMessageRepository outbox;

    @BeforeEach
    void drainEarlierRows() {
        while (dispatcher.dispatchDue() > 0) {}
        relay.sent.clear();
    }

    private List<Long> owners(int count) {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            ids.add(customers.register(CustomerFixtures.owner("Bea Broadcast")).getId());
        }
        return ids;
    }

    private int queue(String source, List<Long> owners, int perOwner) {
        var batch = new ArrayList<Notice>();
        for (int n = 0; n < perOwner; n++) {
            for (long owner : owners) {
                batch.add(new Notice(
                        owner,
                        source,
                        "Your delivery moves",
                        "Dear owner, your car comes a week later.",
                        null,
                        "Dana Director",
                        null,
                        source + ":" + owner + ":" + n));
            }
        }
        int queued = 0;
        for (int from = 0; from < batch.size(); from += 1000) {
            queued += notices.queueAll(batch.subList(from, Math.min(batch.size(), from + 1000)));
        }
        return queued;
    }

    @Test
    void anAgentsAnswerQueuedAfterFiveThousandNoticesGoesOutFirst() {
        var source = "broadcast:" + UniqueNames.suffix();
        assertThat(queue(source, owners(50), 100)).isEqualTo(5000);
        long owner = customers.register(CustomerFixtures.owner("Ann Answer")).getId();
        long caseId = cases.open(
                        new OpenCase(owner, "Wipers", "They smear", Channel.EMAIL, Priority.NORMAL, null, null, null),
                        new Actor("owner", "Ann", Channel.EMAIL))
                .getId();
        var reply = cases.reply(caseId, "New blades are on their way.", null, new Actor("a", "Agent", Channel.PORTAL));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outbox.findByMessageId(reply.getId()).isPresent());

        int taken = dispatcher.dispatchDue();

        assertThat(taken).isGreaterThanOrEqualTo(5001);
        var sent = List.copyOf(relay.sent);
        var answer = sent.stream().filter(d -> d.caseId() == caseId).findFirst().orElseThrow();
        assertThat(answer.text()).contains("New blades");
        // claimed in the first batch, ahead of every notice; the three sender threads may hand them over in any order
        assertThat(sent.indexOf(answer)).isLessThan(50);
        assertThat(notices.progress(source)).isEqualTo(new NoticeProgress(0, 0, 5000, 0, 0));
    }

    @Test
    void dispatchersClaimingAtTheSameTimeSendEveryNoticeOnce() throws Exception {
        var source = "broadcast:" + UniqueNames.suffix();
        assertThat(queue(source, owners(20), 100)).isEqualTo(2000);

        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    int taken = 0;
                    for (int n; (n = dispatcher.dispatchDue()) > 0; ) {
                        taken += n;
                    }
                    return taken;
                }));
            }
            int taken = 0;
            for (var run : runs) {
                taken += run.get(2, TimeUnit.MINUTES);
            }
            assertThat(taken).isEqualTo(2000);
        } finally {
            pool.shutdown();
        }

        var keys = relay.sent.stream()
                .map(OutboundDelivery::idempotencyKey)
                .filter(k -> k.startsWith(source))
                .toList();
        assertThat(keys).hasSize(2000).doesNotHaveDuplicates();
        assertThat(notices.progress(source)).isEqualTo(new NoticeProgress(0, 0, 2000, 0, 0));
    }

    @Test
    void aCancelledBroadcastSendsNothingMore() {
        var source = "broadcast:" + UniqueNames.suffix();
        queue(source, owners(5), 20);

        assertThat(notices.cancel(source)).isEqualTo(100);
        dispatcher.dispatchDue();

        assertThat(relay.sent).noneMatch(d -> d.idempotencyKey().startsWith(source));
        assertThat(notices.progress(source)).isEqualTo(new NoticeProgress(0, 0, 0, 0, 100));
    }
}
