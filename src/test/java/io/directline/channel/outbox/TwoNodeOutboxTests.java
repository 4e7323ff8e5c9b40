package io.directline.channel.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.directline.DirectLineApplication;
import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.DeliveryState;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerManagement;
import io.directline.testsupport.IsolatedDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application contexts — two nodes — on one database of their own, delivering the same outbox to a stub
 * of the SMS provider (Twilio's Messages API): every answer reaches the provider exactly once, also when a
 * node that took a row stalls past its lease. The nodes' schedules are off; the test runs their dispatchers
 * at the same time from several threads, as the schedules would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeOutboxTests {

    static final String ACCOUNT = "AC0123456789";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static final int ANSWERS = 40;

    WireMockServer provider;
    ConfigurableApplicationContext nodeA;
    ConfigurableApplicationContext nodeB;

    @BeforeAll
    void start() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        provider.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withFixedDelay(20)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM0123456789abcdef\",\"status\":\"queued\"}")));
        nodeA = node();
        nodeB = node();
    }

    @AfterAll
    void stop() {
        Stream.of(nodeA, nodeB).filter(java.util.Objects::nonNull).forEach(ConfigurableApplicationContext::close);
        if (provider != null) {
            provider.stop();
        }
    }

    private ConfigurableApplicationContext node() {
        var properties = new ArrayList<String>();
        IsolatedDatabase.properties("outboxnodes").forEach((name, value) -> properties.add(name + "=" + value));
        properties.add("directline.demo.enabled=false");
        properties.add("directline.channels.outbox.enabled=false");
        properties.add("directline.channels.outbox.batch-size=7");
        properties.add("directline.channels.outbox.lease=1s");
        // one sender thread per node: the four dispatcher runs already send in parallel, and a 1 s lease leaves
        // no room for a loaded machine's slower commits (see docs/reliability.md on leases and sender threads)
        properties.add("directline.channels.outbox.senders=1");
        // and a provider that takes a few messages a second (this test ran at the old default of one SMS a second):
        // the four dispatcher runs then never claim more than one sender thread starts within half the 1 s lease;
        // what is tested is who sends, not how fast
        properties.add("directline.channels.rate.sms=5");
        properties.add("directline.channels.sms.api-base-url=" + provider.baseUrl());
        properties.add("directline.channels.sms.account-sid=" + ACCOUNT);
        properties.add("directline.channels.sms.auth-token=two-node-token");
        properties.add("directline.channels.sms.from-number=+15550009999");
        properties.add("server.port=0");
        return new SpringApplicationBuilder(DirectLineApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    /** Answers on SMS to new owners, each with a phone number of its own; returns the numbers by message id. */
    private Map<Long, String> answers(int count) {
        var cases = nodeA.getBean(CaseManagement.class);
        var customers = nodeA.getBean(CustomerManagement.class);
        var outbox = nodeA.getBean(OutboundMessageRepository.class);
        var phones = new HashMap<Long, String>();
        for (int i = 0; i < count; i++) {
            var phone = "+1512" + (1_000_000 + (int) (Math.random() * 8_999_999));
            long owner = customers
                    .register(new CustomerDetails(
                            "Node Owner " + UUID.randomUUID().toString().substring(0, 6),
                            null,
                            phone,
                            Channel.SMS,
                            null,
                            "UTC",
                            null,
                            null,
                            Map.of()))
                    .getId();
            long caseId = cases.open(
                            new OpenCase(
                                    owner, "Brakes", "They squeal", Channel.SMS, Priority.NORMAL, null, null, null),
                            new Actor("owner", "Node Owner", Channel.SMS))
                    .getId();
            var reply = cases.reply(caseId, "Answer " + i, null, new Actor("agent", "Agent", Channel.PORTAL));
            phones.put(reply.getId(), phone);
        }
        // the rows are made after commit, by the ReplyPosted listener
        await().atMost(Duration.ofSeconds(30))
                .until(() -> phones.keySet().stream()
                        .allMatch(id -> outbox.findByMessageId(id).isPresent()));
        return phones;
    }

    private List<LoggedRequest> sentTo(String phone) {
        return provider.findAll(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))));
    }

    private OutboxDispatcher dispatcher(ConfigurableApplicationContext node) {
        return node.getBean(OutboxDispatcher.class);
    }

    @Test
    void twoNodesDeliverEveryAnswerExactlyOnce() throws Exception {
        var phones = answers(ANSWERS);

        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (var node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                runs.add(pool.submit(() -> {
                    int taken = 0;
                    for (int n; (n = dispatcher(node).dispatchDue()) > 0; ) {
                        taken += n;
                    }
                    return taken;
                }));
            }
            int taken = 0;
            for (var run : runs) {
                taken += run.get(2, TimeUnit.MINUTES);
            }
            assertThat(taken).as("rows taken by both nodes").isGreaterThanOrEqualTo(ANSWERS);
        } finally {
            pool.shutdown();
        }

        var cases = nodeA.getBean(CaseManagement.class);
        var keys = new ArrayList<String>();
        for (var answer : phones.entrySet()) {
            var sent = sentTo(answer.getValue());
            assertThat(sent).as("requests for answer %s", answer.getKey()).hasSize(1);
            keys.add(sent.get(0).getHeader("Idempotency-Key"));
            assertThat(cases.message(answer.getKey()).getDeliveryStatus()).isEqualTo(DeliveryState.SENT);
        }
        assertThat(keys).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void aNodeThatStallsPastItsLeaseLeavesTheRowToTheOtherAndDoesNotSendItToo() throws Exception {
        var phones = answers(5);
        var outbox = nodeA.getBean(OutboundMessageRepository.class);

        // node A takes the rows, then stalls (a long pause) past their lease before it sends
        var claims = new ArrayList<OutboxDispatcher.Claim>();
        dispatcher(nodeA).claimDue().forEach(claims::add);
        assertThat(claims).hasSizeGreaterThanOrEqualTo(phones.size());
        Thread.sleep(1_500);
        // node B finds them due again and sends them
        while (dispatcher(nodeB).dispatchDue() > 0) {}
        // node A wakes up and carries on with what it had taken
        claims.forEach(dispatcher(nodeA)::deliver);

        for (var answer : phones.entrySet()) {
            assertThat(sentTo(answer.getValue()))
                    .as("requests for answer %s", answer.getKey())
                    .hasSize(1);
            var row = outbox.findByMessageId(answer.getKey()).orElseThrow();
            assertThat(row.getStatus()).isEqualTo(OutboxStatus.SENT);
            assertThat(row.getAttempts()).as("claimed by A, then by B").isEqualTo(2);
        }
    }

    @Test
    void aNodeThatStallsPastItsLeaseWithNoOneElseAroundLeavesTheRowForTheNextRun() throws Exception {
        var phones = answers(3);

        var claims = new ArrayList<OutboxDispatcher.Claim>();
        dispatcher(nodeA).claimDue().forEach(claims::add);
        Thread.sleep(1_500);
        claims.forEach(dispatcher(nodeA)::deliver);
        for (var phone : phones.values()) {
            assertThat(sentTo(phone)).as("sent by a node whose lease ran out").isEmpty();
        }
        while (dispatcher(nodeA).dispatchDue() + dispatcher(nodeB).dispatchDue() > 0) {}

        for (var phone : phones.values()) {
            assertThat(sentTo(phone)).hasSize(1);
        }
    }
}
