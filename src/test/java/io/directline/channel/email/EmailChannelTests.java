package io.directline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.directline.ApiClient;
import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseMessage;
import io.directline.cases.Direction;
import io.directline.customer.Channel;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-mail channel against real SMTP and IMAP servers (GreenMail on free ports): mail to the support
 * mailbox becomes a case, the agent's answer goes out threaded, the owner's reply lands in the same
 * case, mail no person wrote opens nothing, a message that cannot be taken in is quarantined, the
 * webhook checks signatures, and a failed send is retried with the same Message-ID.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EmailChannelTests {

    static final String SUPPORT = "support@directline.example";
    static final String SECRET = "test-webhook-secret";
    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static {
        MAIL.start();
        MAIL.setUser(SUPPORT, "support", "support-password");
    }

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("directline.channels.email.address", () -> SUPPORT);
        registry.add("directline.channels.email.webhook-secret", () -> SECRET);
        registry.add("directline.channels.email.max-message-size", () -> "64KB");
        registry.add("directline.channels.email.imap.host", () -> "127.0.0.1");
        registry.add("directline.channels.email.imap.port", () -> MAIL.getImap().getPort());
        registry.add("directline.channels.email.imap.ssl", () -> "false");
        registry.add("directline.channels.email.imap.username", () -> "support");
        registry.add("directline.channels.email.imap.password", () -> "support-password");
        registry.add("directline.channels.email.imap.poll-interval", () -> "200ms");
        registry.add("directline.channels.email.imap.max-failures", () -> "3");
        registry.add("directline.channels.outbox.poll-interval", () -> "200ms");
        registry.add("directline.channels.outbox.first-retry", () -> "200ms");
        registry.add("directline.channels.outbox.max-retry", () -> "1s");
    }

    @AfterAll
    static void stopMailServers() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    MailboxPoller poller;

    @Autowired
    SmtpSender smtpSender;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aMailBecomesACaseTheAnswerGoesOutThreadedAndTheReplyLandsInTheSameCase() throws Exception {
        var owner = "ada-" + run + "@owners.example";
        var firstId = "<first-" + run + "@owners.example>";
        smtp("""
                From: Ada Lindqvist <%s>
                To: %s
                Subject: Dryer rattles %s
                Message-ID: %s
                Content-Type: text/plain; charset=UTF-8

                It rattles on the wool programme.
                """.formatted(owner, SUPPORT, run, firstId));

        // (a) the poller takes it from the mailbox into a new case
        var first = await().atMost(Duration.ofSeconds(20))
                .until(() -> received(firstId), Optional::isPresent)
                .orElseThrow();
        long caseId = first.getCaseId();
        var supportCase = cases.get(caseId);
        assertThat(supportCase.getSubject()).isEqualTo("Dryer rattles " + run);
        assertThat(supportCase.getChannel()).isEqualTo(Channel.EMAIL);
        assertThat(first.getBody()).isEqualTo("It rattles on the wool programme.");
        await().atMost(Duration.ofSeconds(10)).until(() -> !unseenInInbox().contains(firstId));

        // (b) the agent's answer arrives in the owner's mailbox, threaded on the owner's message
        cases.reply(caseId, "Please try the drum reset.", null, new Actor("agent", "Agent Smith", Channel.PORTAL));
        var answer = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo(owner), m -> m.size() == 1)
                .get(0);
        assertThat(answer.getSubject()).isEqualTo("Re: Dryer rattles " + run + " [" + supportCase.reference() + "]");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(firstId);
        assertThat(answer.getHeader("References", null)).contains(firstId);
        assertThat(((InternetAddress) answer.getFrom()[0]).getAddress()).isEqualTo(SUPPORT);
        assertThat(answer.isMimeType("multipart/*")).isTrue();
        var ourId = answer.getMessageID();
        assertThat(ourId).startsWith("<dl-").endsWith("@directline.example>");

        // (c) the owner's reply to it (quoting it) continues the same case
        var replyId = "<reply-" + run + "@owners.example>";
        smtp("""
                From: Ada Lindqvist <%s>
                To: %s
                Subject: Re: Dryer rattles
                Message-ID: %s
                In-Reply-To: %s
                References: %s %s
                Content-Type: text/plain; charset=UTF-8

                The reset helped, thank you.

                On Tue, Direct Line <%s> wrote:
                > Please try the drum reset.
                """.formatted(owner, SUPPORT, replyId, ourId, firstId, ourId, SUPPORT));
        var reply = await().atMost(Duration.ofSeconds(20))
                .until(() -> received(replyId), Optional::isPresent)
                .orElseThrow();
        assertThat(reply.getCaseId()).isEqualTo(caseId);
        assertThat(reply.getBody()).isEqualTo("The reset helped, thank you.");
        assertThat(cases.conversation(caseId, false))
                .extracting(CaseMessage::getDirection)
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND);
    }

    @Test
    void autoRepliesAndBouncesOpenNoCase() throws Exception {
        var owner = "away-" + run + "@owners.example";
        var autoId = "<auto-" + run + "@owners.example>";
        var bounceId = "<bounce-" + run + "@mx.example>";
        smtp("""
                From: <%s>
                To: %s
                Subject: Out of office
                Message-ID: %s
                Auto-Submitted: auto-replied
                Content-Type: text/plain

                I am away until Monday.
                """.formatted(owner, SUPPORT, autoId));
        smtp("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example>
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                The mail could not be delivered.
                --r--
                """.formatted(SUPPORT, bounceId));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var unseen = unseenInInbox();
            return !unseen.contains(autoId) && !unseen.contains(bounceId);
        });
        assertThat(received(autoId)).isEmpty();
        assertThat(received(bounceId)).isEmpty();
        assertThat(poller.health().getDetails().get("ignored"))
                .isInstanceOfSatisfying(Long.class, n -> assertThat(n).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aMessageThatCannotBeTakenInIsQuarantinedAndAlerted() throws Exception {
        var emptyId = "<brackets-" + run + "@owners.example>";
        var hugeId = "<huge-" + run + "@owners.example>";
        // 20,000 '<' fit the 64 KB mail limit, but escaped they are 80,000 bytes of text: over the
        // 64 KiB message limit, so the intake refuses it on every attempt
        smtp("""
                From: <brackets-%s@owners.example>
                To: %s
                Subject: pasted log %s
                Message-ID: %s
                Content-Type: text/plain

                %s
                """.formatted(run, SUPPORT, run, emptyId, "<".repeat(20_000)));
        // over the 64 KB limit: quarantined at once
        smtp("""
                From: <huge-%s@owners.example>
                To: %s
                Subject: huge %s
                Message-ID: %s
                Content-Type: text/plain

                %s
                """.formatted(run, SUPPORT, run, hugeId, "0123456789\n".repeat(8000)));

        await().atMost(Duration.ofSeconds(20)).until(() -> quarantined().containsAll(List.of(emptyId, hugeId)));
        assertThat(unseenInInbox()).doesNotContain(emptyId, hugeId);
        assertThat(received(emptyId)).isEmpty();
        assertThat(received(hugeId)).isEmpty();
        assertThat(poller.alerts())
                .filteredOn(a -> emptyId.equals(a.messageId()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.attempts()).isEqualTo(3);
                    assertThat(a.reason()).contains("64 KiB");
                });
        assertThat(poller.alerts())
                .filteredOn(a -> hugeId.equals(a.messageId()))
                .singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("limit"));

        var health = ApiClient.basic(port, "admin", "admin-test-password").get("/actuator/health/emailFetcher");
        assertThat(health.status()).as("%s", health).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.body()).contains(emptyId, hugeId, "Quarantine");
    }

    @Test
    void theWebhookTakesSignedMailOnce() {
        var anonymous = ApiClient.anonymous(port);
        var id = "<hook-" + run + "@owners.example>";
        var mail = """
                From: Bruno Okafor <bruno-%s@owners.example>\r
                To: %s\r
                Subject: Hinge squeaks\r
                Message-ID: %s\r
                Content-Type: text/plain\r
                \r
                The door hinge squeaks.\r
                """.formatted(run, SUPPORT, id);

        var wrong = webhook(anonymous, mail, "sha256=" + "0".repeat(64));
        assertThat(wrong.status()).as("%s", wrong).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(webhook(anonymous, mail, null).status()).isEqualTo(401);
        assertThat(received(id)).isEmpty();

        var created = webhook(anonymous, mail, signature(mail));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long caseId = created.json().path("caseId").asLong();
        assertThat(created.json().path("duplicate").asBoolean()).isFalse();
        assertThat(received(id).orElseThrow().getCaseId()).isEqualTo(caseId);

        var again = webhook(anonymous, mail, signature(mail));
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().path("caseId").asLong()).isEqualTo(caseId);
        assertThat(again.json().path("messageId").asLong())
                .isEqualTo(created.json().path("messageId").asLong());
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(cases.conversation(caseId, true)).hasSize(1);

        var garbage = "this is not an e-mail at all";
        var bad = webhook(anonymous, garbage, signature(garbage));
        assertThat(bad.status()).as("%s", bad).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");

        var away = "From: <bruno-" + run + "@owners.example>\r\nAuto-Submitted: auto-replied\r\n" + "Message-ID: <away-"
                + run + "@x>\r\n\r\nAway.\r\n";
        assertThat(webhook(anonymous, away, signature(away)).status()).isEqualTo(202);

        var huge = "From: <bruno-" + run + "@owners.example>\r\n\r\n" + "x".repeat(70 * 1024);
        var tooLarge = webhook(anonymous, huge, signature(huge));
        assertThat(tooLarge.status()).as("%s", tooLarge).isEqualTo(413);
    }

    @Test
    void theSameMailDeliveredTwentyTimesAtOnceToTheWebhookMakesOneMessageAndNoConflict() throws Exception {
        var id = "<parallel-" + run + "@owners.example>";
        var mail = """
                From: <dana-%s@owners.example>
                To: %s
                Subject: Fridge hums
                Message-ID: %s
                Content-Type: text/plain

                The fridge hums all night.
                """.formatted(run, SUPPORT, id);
        var signature = signature(mail);
        var anonymous = ApiClient.anonymous(port);

        var responses =
                io.directline.channel.ChannelIntegrationTest.inParallel(20, () -> webhook(anonymous, mail, signature));

        // 201 for the delivery that took it in, 200 ("duplicate") for the others; never a 409 or a 500
        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        long caseId = received(id).orElseThrow().getCaseId();
        assertThat(cases.conversation(caseId, true)).hasSize(1);
    }

    @Autowired
    EmailProperties emailProperties;

    @org.springframework.beans.factory.annotation.Value("${directline.channels.outbox.lease:5m}")
    Duration lease;

    @Test
    void aHungMailServerFailsTheSendWellWithinTheLeaseSoNoOtherNodeSendsAgain() throws Exception {
        // the configured SMTP timeouts: each set, each well below the outbox lease
        var configured = mailSender.getJavaMailProperties();
        for (var key : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
            assertThat(configured.getProperty(key)).as(key).isNotNull();
            assertThat(Duration.ofMillis(Long.parseLong(configured.getProperty(key))))
                    .as(key)
                    .isLessThanOrEqualTo(lease.dividedBy(5));
        }
        // a server that takes the connection and never answers: the send fails as a transient failure
        try (var silent = new ServerSocket(0)) {
            var held = new java.util.concurrent.CopyOnWriteArrayList<java.net.Socket>();
            var acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            var hung = new JavaMailSenderImpl();
            hung.setHost("127.0.0.1");
            hung.setPort(silent.getLocalPort());
            var quick = new Properties();
            quick.putAll(configured);
            quick.setProperty("mail.smtp.timeout", "700");
            hung.setJavaMailProperties(quick);
            var delivery = new io.directline.channel.OutboundDelivery(
                    1L,
                    1L,
                    "DL-000001",
                    "Oven",
                    Channel.EMAIL,
                    "owner@owners.example",
                    "Owner",
                    "Agent",
                    "<p>Hi</p>",
                    "Hi",
                    List.of(),
                    false,
                    "dl-hung");
            long start = System.nanoTime();
            var failure = org.junit.jupiter.api.Assertions.assertThrows(
                    io.directline.channel.DeliveryFailure.class,
                    () -> new SmtpSender(hung, emailProperties).send(delivery));
            assertThat(failure.isPermanent()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            for (var socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aFailedSendIsRetriedAndDeliveredOnceWithTheSameMessageId() throws Exception {
        var owner = "cleo-" + run + "@owners.example";
        var firstId = "<retry-" + run + "@owners.example>";
        smtp("""
                From: <%s>
                To: %s
                Subject: Oven door %s
                Message-ID: %s
                Content-Type: text/plain

                The oven door does not close.
                """.formatted(owner, SUPPORT, run, firstId));
        long caseId = await().atMost(Duration.ofSeconds(20))
                .until(() -> received(firstId), Optional::isPresent)
                .orElseThrow()
                .getCaseId();

        int smtpPort = mailSender.getPort();
        mailSender.setPort(closedPort());
        CaseMessage answer;
        try {
            answer = cases.reply(caseId, "A technician will call.", null, new Actor("agent", "Agent", Channel.PORTAL));
            // the first attempt fails: the row stays queued for another attempt
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                var row = row(answer.getId());
                return row != null && ((Number) row.get("attempts")).intValue() >= 1 && row.get("last_error") != null;
            });
            assertThat(row(answer.getId()).get("status")).isEqualTo("QUEUED");
        } finally {
            mailSender.setPort(smtpPort);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(row(answer.getId()).get("status")));
        var row = row(answer.getId());
        var expectedId = "<" + row.get("idempotency_key") + "@directline.example>";
        assertThat(row.get("provider_id")).isEqualTo(expectedId);
        var delivered = mailTo(owner);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).getMessageID()).isEqualTo(expectedId);
        // a node that died after sending but before recording it sends again: the same Message-ID
        assertThat(smtpSender.messageId((String) row.get("idempotency_key"))).isEqualTo(expectedId);
    }

    // --- helpers

    private Optional<CaseMessage> received(String messageId) {
        return cases.findReceived(Channel.EMAIL, messageId);
    }

    private Map<String, Object> row(long messageId) {
        return jdbc
                .sql("select status, attempts, last_error, provider_id, idempotency_key from outbound_message"
                        + " where message_id = ?")
                .param(messageId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .map(r -> {
                    var lower = new java.util.HashMap<String, Object>();
                    r.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
                    return (Map<String, Object>) lower;
                })
                .orElse(null);
    }

    private String signature(String body) {
        return "sha256=" + EmailWebhookController.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiClient.Response webhook(ApiClient client, String body, String signature) {
        return client.send(
                "POST",
                "/webhooks/email",
                body,
                "message/rfc822",
                signature == null ? Map.of() : Map.of(EmailWebhookController.SIGNATURE, signature));
    }

    /** Sends a raw message over real SMTP to the support mailbox, keeping its headers as written. */
    private static void smtp(String raw) throws MessagingException {
        var session = Session.getInstance(new Properties());
        var message = new MimeMessage(
                session,
                new ByteArrayInputStream(raw.strip()
                        .replace("\r\n", "\n")
                        .replace("\n", "\r\n")
                        .concat("\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        try (var transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            transport.sendMessage(message, new Address[] {new InternetAddress(SUPPORT)});
        }
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        var to = m.getRecipients(Message.RecipientType.TO);
                        return to != null
                                && Arrays.stream(to)
                                        .anyMatch(a -> ((InternetAddress) a)
                                                .getAddress()
                                                .equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static List<String> unseenInInbox() throws MessagingException {
        return messageIds("INBOX", true);
    }

    private static List<String> quarantined() throws MessagingException {
        return messageIds("Quarantine", false);
    }

    private static List<String> messageIds(String folderName, boolean unseenOnly) throws MessagingException {
        var props = new Properties();
        props.put("mail.imap.peek", "true");
        var store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), "support", "support-password");
        try {
            var folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                var messages = unseenOnly
                        ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                        : folder.getMessages();
                var ids = new java.util.ArrayList<String>();
                for (var m : messages) {
                    if (m.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    var header = m.getHeader("Message-ID");
                    ids.add(header == null ? "(none)" : header[0]);
                }
                return ids;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static int closedPort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
