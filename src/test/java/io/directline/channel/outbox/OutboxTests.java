package io.directline.channel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.DeliveryState;
import io.directline.cases.Priority;
import io.directline.customer.Address;
import io.directline.customer.Channel;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerManagement;
import io.directline.customer.QuietHours;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The outbox with a stand-in for an SMS provider (the third party we cannot run here): answers go out
 * once, failures retry with backoff, permanent failures and missing addresses are shown on the case.
 */
@SpringBootTest(
        properties = {
            "directline.channels.outbox.poll-interval=100ms",
            "directline.channels.outbox.first-retry=200ms",
            "directline.channels.outbox.max-attempts=3",
            "directline.channels.outbox.lease=1s"
        })
class OutboxTests {

    /** A provider that accepts, or fails the next N sends transiently, or rejects some numbers. */
    static class SmsProvider implements OutboundSender {
        final Queue<OutboundDelivery> sent = new ConcurrentLinkedQueue<>();
        final AtomicInteger failNext = new AtomicInteger();

        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public SendResult send(OutboundDelivery delivery) throws DeliveryFailure {
            if (delivery.recipient().endsWith("0000")) {
                throw DeliveryFailure.permanent("21211: The 'To' number is not a valid phone number.");
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw DeliveryFailure.transientFailure("503 from provider", null);
            }
            sent.add(delivery);
            if (delivery.recipient().endsWith("6666")) {
                // accepted, but the provider's id does not fit the column: recording it fails
                return SendResult.of("SM" + "9".repeat(400));
            }
            return SendResult.of("SM" + delivery.outboxId());
        }
    }

    @TestConfiguration
    static class Provider {
        @Bean
        SmsProvider smsProvider() {
            return new SmsProvider();
        }
    }

    @Autowired
    SmsProvider provider;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    @Autowired
    OutboundMessageRepository outbox;

    private final Actor agent = new Actor("agent-outbox", "Alex Agent", Channel.PORTAL);

    private long smsOwner(String phone, QuietHours quiet, String zone) {
        return customers
                .register(new CustomerDetails(
                        "Sam " + UUID.randomUUID().toString().substring(0, 6),
                        null,
                        phone,
                        Channel.SMS,
                        quiet,
                        zone,
                        new Address(null, "Austin", null, "TX", "US", null, null),
                        null,
                        Map.of()))
                .getId();
    }

    private static String phone(String lastFour) {
        return "+1512" + (100 + (int) (Math.random() * 899)) + lastFour;
    }

    private long caseFor(long customerId, Priority priority) {
        return cases.open(
                        new OpenCase(
                                customerId, "Tyre pressure", "Light is on", Channel.SMS, priority, null, null, null),
                        new Actor("owner", "Sam", Channel.SMS))
                .getId();
    }

    @Test
    void anAnswerGoesOutOnceOnTheOwnersChannelAndShowsAsSent() {
        long owner = smsOwner(phone("4321"), null, "America/Chicago");
        long caseId = caseFor(owner, Priority.NORMAL);

        var reply = cases.reply(caseId, "<p>Please check the <b>front left</b> tyre.</p>", null, agent);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.message(reply.getId()).getDeliveryStatus() == DeliveryState.SENT);
        var sent = provider.sent.stream().filter(d -> d.caseId() == caseId).toList();
        assertThat(sent).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo("Please check the front left tyre.");
            assertThat(d.recipient()).startsWith("+1512");
        });
        assertThat(outbox.findByMessageId(reply.getId()).orElseThrow().getProviderId())
                .startsWith("SM");
    }

    @Test
    void aTransientFailureIsRetriedUntilItGoesThrough() {
        long owner = smsOwner(phone("5555"), null, "America/Chicago");
        long caseId = caseFor(owner, Priority.NORMAL);
        provider.failNext.set(1);

        var reply = cases.reply(caseId, "We will call you tomorrow.", null, agent);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.message(reply.getId()).getDeliveryStatus() == DeliveryState.SENT);
        var row = outbox.findByMessageId(reply.getId()).orElseThrow();
        assertThat(row.getAttempts()).isEqualTo(2);
        assertThat(provider.sent.stream().filter(d -> d.caseId() == caseId)).hasSize(1);
    }

    @Test
    void anAnswerTheProviderTookIsNeverSentAgainWhenRecordingItFails() {
        long owner = smsOwner(phone("6666"), null, "America/Chicago");
        long caseId = caseFor(owner, Priority.NORMAL);

        var reply = cases.reply(caseId, "Your car is ready.", null, agent);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> cases.message(reply.getId()).getDeliveryStatus() == DeliveryState.SENT);
        // several leases (1 s) and retry waits (200 ms) later, it went out once and stays sent
        await().pollDelay(Duration.ofMillis(3000))
                .atMost(Duration.ofSeconds(10))
                .until(() -> true);
        assertThat(provider.sent.stream().filter(d -> d.caseId() == caseId)).hasSize(1);
        var row = outbox.findByMessageId(reply.getId()).orElseThrow();
        assertThat(row.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getLastError()).contains("could not be stored");
        assertThat(cases.message(reply.getId()).getDeliveryStatus()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aPermanentFailureIsShownOnTheCaseWithItsCause() {
        long owner = smsOwner(phone("0000"), null, "America/Chicago");
        long caseId = caseFor(owner, Priority.NORMAL);

        var reply = cases.reply(caseId, "Hello?", null, agent);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.message(reply.getId()).getDeliveryStatus() == DeliveryState.FAILED);
        assertThat(cases.message(reply.getId()).getDeliveryDetail()).contains("not a valid phone number");
        assertThat(outbox.findByMessageId(reply.getId()).orElseThrow().getAttempts())
                .isEqualTo(1);
    }

    @Test
    void anAnswerOnAChannelTheOwnerHasNoAddressForFailsAndSaysWhy() {
        long owner = smsOwner(phone("7777"), null, "America/Chicago");
        long caseId = caseFor(owner, Priority.NORMAL);

        var reply = cases.reply(caseId, "Sent by mail", Channel.EMAIL, agent);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.message(reply.getId()).getDeliveryStatus() == DeliveryState.FAILED);
        assertThat(cases.message(reply.getId()).getDeliveryDetail()).contains("has no e-mail address");
    }

    @Test
    void aNonUrgentAnswerWaitsForTheEndOfQuietHoursAndAnUrgentOneDoesNot() {
        var zone = "America/Chicago";
        var now = java.time.ZonedDateTime.now(ZoneId.of(zone));
        // quiet hours that contain "now" and end in two hours
        var quiet = new QuietHours(
                now.toLocalTime().minusHours(1).withSecond(0).withNano(0),
                now.toLocalTime().plusHours(2).withSecond(0).withNano(0));
        long owner = smsOwner(phone("8888"), quiet, zone);

        var normal = cases.reply(caseFor(owner, Priority.NORMAL), "Not urgent", null, agent);
        var urgent = cases.reply(caseFor(owner, Priority.URGENT), "Recall notice", null, agent);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.message(urgent.getId()).getDeliveryStatus() == DeliveryState.SENT);
        var waiting = cases.message(normal.getId());
        assertThat(waiting.getDeliveryStatus()).isEqualTo(DeliveryState.QUEUED);
        assertThat(waiting.getDeliveryDetail()).contains("quiet hours").contains(zone);
        assertThat(outbox.findByMessageId(normal.getId()).orElseThrow().getNextAttemptAt())
                .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(100)));
    }

    @Test
    void aPortalAnswerNeedsNoProviderAndIsSentAtOnce() {
        long owner = smsOwner(phone("9999"), null, "UTC");
        long caseId = caseFor(owner, Priority.NORMAL);

        var reply = cases.reply(caseId, "See the portal", Channel.PORTAL, agent);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.message(reply.getId()).getDeliveryStatus() == DeliveryState.SENT);
    }

    @Autowired
    OutboxHealthIndicator health;

    @Test
    void anAnswerOnAChannelNoSenderIsConfiguredForWaitsAndSaysSoWithoutTurningTheNodeDown() {
        long owner = customers
                .register(new CustomerDetails(
                        "Mail Only " + UUID.randomUUID().toString().substring(0, 6),
                        "mail-only-" + UUID.randomUUID() + "@example.org",
                        null,
                        Channel.EMAIL,
                        null,
                        "UTC",
                        null,
                        null,
                        Map.of()))
                .getId();
        long caseId = cases.open(
                        new OpenCase(
                                owner, "Invoice", "Wrong amount", Channel.EMAIL, Priority.NORMAL, null, null, null),
                        new Actor("owner", "Mail Only", Channel.EMAIL))
                .getId();

        var reply = cases.reply(caseId, "We corrected it.", null, agent);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.message(reply.getId()).getDeliveryStatus() == DeliveryState.QUEUED);
        assertThat(cases.message(reply.getId()).getDeliveryDetail())
                .contains("No EMAIL sender is configured")
                .contains("portal");
        // long past the lease (1 s here) plus ten polls: still UP, because this node delivers no e-mail
        await().pollDelay(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(10))
                .until(() -> true);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(health.health().getDetails()).containsKey("email.queued");
    }
}
