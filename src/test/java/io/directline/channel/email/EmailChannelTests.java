package io.directline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseMessage;
import io.directline.cases.Direction;
import io.directline.channel.ChannelFixtures;
import io.directline.customer.Channel;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.HeaderTerm;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
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

    static final String SUPPORT = ChannelFixtures.SUPPORT_ADDRESS;
    static final String SECRET = "test-webhook-secret";
    static final GreenMail MAIL = ChannelFixtures.startSupportMailbox();

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("directline.channels.email.webhook-secret", () -> SECRET);
        registry.add("directline.channels.email.max-message-size", () -> "512KB");
        ChannelFixtures.pollSupportMailbox(registry, MAIL);
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
        // moved out of the inbox to the ignored folder, where a person may still look
        await().atMost(Duration.ofSeconds(20))
                .until(() -> messageIds("Ignored", false).containsAll(List.of(autoId, bounceId)));
        assertThat(messageIds("INBOX", false)).doesNotContain(autoId, bounceId);
        assertThat(poller.health().getDetails().get("ignored"))
                .isInstanceOfSatisfying(Long.class, n -> assertThat(n).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aMessageThatCannotBeTakenInIsQuarantinedAndAlerted() throws Exception {
        var failingId = "<failing-" + run + "@owners.example>";
        var hugeId = "<huge-" + run + "@owners.example>";
        // the database refuses this one message on every attempt, as a broken database would
        var poison = "poison-" + run;
        jdbc.sql("alter table case_message add constraint no_" + run.replace('-', '_') + " check (body not like '%"
                        + poison + "%')")
                .update();
        try {
            smtp("""
                    From: <failing-%s@owners.example>
                    To: %s
                    Subject: pasted log %s
                    Message-ID: %s
                    Content-Type: text/plain

                    %s
                    """.formatted(run, SUPPORT, run, failingId, poison));
            // over the 512 KB limit: quarantined at once
            smtp("""
                    From: <huge-%s@owners.example>
                    To: %s
                    Subject: huge %s
                    Message-ID: %s
                    Content-Type: text/plain

                    %s
                    """.formatted(run, SUPPORT, run, hugeId, "0123456789\n".repeat(50_000)));

            await().atMost(Duration.ofSeconds(30)).until(() -> quarantined().containsAll(List.of(failingId, hugeId)));
        } finally {
            jdbc.sql("alter table case_message drop constraint no_" + run.replace('-', '_'))
                    .update();
        }
        assertThat(unseenInInbox()).doesNotContain(failingId, hugeId);
        assertThat(received(failingId)).isEmpty();
        assertThat(received(hugeId)).isEmpty();
        assertThat(poller.alerts())
                .filteredOn(a -> failingId.equals(a.messageId()))
                .singleElement()
                .satisfies(a -> assertThat(a.attempts()).isEqualTo(3));
        assertThat(poller.alerts())
                .filteredOn(a -> hugeId.equals(a.messageId()))
                .singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("limit"));

        var health = IdentityFixtures.admin(port).get("/actuator/health/emailFetcher");
        assertThat(health.status()).as("%s", health).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.body()).contains(failingId, hugeId, "Quarantine");
    }

    @Test
    void aLongMailOverTheWebhookBecomesACaseAndOnlyStaffFetchTheWholeOriginal() throws Exception {
        var id = "<long-hook-" + run + "@owners.example>";
        var mail = longMail("dana-" + run + "@owners.example", id).replace("\n", "\r\n");
        assertThat(mail.length()).isGreaterThan(200 * 1024);

        var created = webhook(ApiClient.anonymous(port), mail, signature(mail));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long caseId = created.json().path("caseId").asLong();
        long messageId = created.json().path("messageId").asLong();
        assertShortenedWithAStaffLink(caseId, id);

        var original = admin().get(EmailOriginalController.apiPath(caseId, messageId));
        assertThat(original.status()).as("%s", original.status()).isEqualTo(200);
        assertThat(original.contentType()).startsWith("message/rfc822");
        assertThat(original.header("Content-Disposition"))
                .contains("attachment")
                .contains(".eml");
        assertThat(original.body()).isEqualTo(mail);

        // the owner who wrote it, another owner and nobody signed in get nothing
        long ownerId = cases.get(caseId).getCustomerId();
        var owner = login("OWNER", ownerId);
        var otherOwner = login(
                "OWNER",
                admin().post(
                                "/api/v1/customers",
                                Map.of("name", "Other " + run, "email", "other-" + run + "@x.example"))
                        .id());
        for (var refused : List.of(owner, otherOwner)) {
            var answer =
                    ApiClient.basic(port, refused, PASSWORD).get(EmailOriginalController.apiPath(caseId, messageId));
            assertThat(answer.status()).as("%s", answer).isEqualTo(403);
            assertThat(answer.body()).doesNotContain("Paragraph 1");
        }
        var anonymous = ApiClient.anonymous(port).get(EmailOriginalController.apiPath(caseId, messageId));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Paragraph 1");
        // the owner sees the shortened text, never the staff's note
        var ownCase = ApiClient.basic(port, owner, PASSWORD).get("/api/v1/me/cases/" + caseId);
        assertThat(ownCase.status()).as("%s", ownCase).isEqualTo(200);
        assertThat(ownCase.body())
                .contains("The full original is attached for staff.")
                .doesNotContain("/original");

        // from the case page: the link in the note works for staff, not for the owner
        var link = EmailOriginalController.screenPath(caseId, messageId);
        var staffLogin = login("AGENT", null);
        var onScreen = screen(staffLogin, link);
        assertThat(onScreen.statusCode()).isEqualTo(200);
        assertThat(onScreen.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("message/rfc822"));
        assertThat(onScreen.body()).isEqualTo(mail);
        assertThat(screen(owner, link).statusCode()).isEqualTo(403);

        // a message that was taken in whole has no separate original
        var shortText = shortMail("<short-" + run + "@owners.example>").replace("\n", "\r\n");
        var whole = webhook(ApiClient.anonymous(port), shortText, signature(shortText));
        assertThat(whole.status()).as("%s", whole).isEqualTo(201);
        var none = admin().get(EmailOriginalController.apiPath(
                whole.json().path("caseId").asLong(),
                whole.json().path("messageId").asLong()));
        assertThat(none.status()).as("%s", none).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(admin().get(EmailOriginalController.apiPath(caseId + 1_000_000, messageId))
                        .status())
                .as("the message of another case")
                .isEqualTo(404);
    }

    @Test
    void aLongMailFromTheMailboxBecomesACaseWithTheWholeOriginalForStaff() throws Exception {
        var id = "<long-imap-" + run + "@owners.example>";
        var text = longMail("erik-" + run + "@owners.example", id);
        smtp(text);

        var message = await().atMost(Duration.ofSeconds(20))
                .until(() -> received(id), Optional::isPresent)
                .orElseThrow();
        long caseId = message.getCaseId();
        assertShortenedWithAStaffLink(caseId, id);
        var original = admin().get(EmailOriginalController.apiPath(caseId, message.getId()));
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.body())
                .contains("Message-ID: " + id)
                .contains(lastParagraph(text))
                .hasSizeGreaterThan(200 * 1024);
        var owner = login("OWNER", cases.get(caseId).getCustomerId());
        assertThat(ApiClient.basic(port, owner, PASSWORD)
                        .get(EmailOriginalController.apiPath(caseId, message.getId()))
                        .status())
                .isEqualTo(403);

        // read again after a crash before it was marked seen: still one message, one note, one original
        await().atMost(Duration.ofSeconds(10)).until(() -> !unseenInInbox().contains(id));
        markUnseen(id);
        poller.poll();
        assertThat(unseenInInbox()).doesNotContain(id);
        assertThat(count("select count(*) from case_message where external_id = ?", id))
                .isEqualTo(1);
        assertThat(cases.conversation(caseId, true)).hasSize(2);
        assertThat(count("select count(*) from email_original where message_id = ?", message.getId()))
                .isEqualTo(1);
    }

    @Test
    void aMessageReadAgainAfterACrashBeforeItWasMarkedSeenIsTakenOnce() throws Exception {
        var id = "<crash-" + run + "@owners.example>";
        smtp(shortMail(id));
        long caseId = await().atMost(Duration.ofSeconds(20))
                .until(() -> received(id), Optional::isPresent)
                .orElseThrow()
                .getCaseId();
        await().atMost(Duration.ofSeconds(10)).until(() -> !unseenInInbox().contains(id));
        long takenBefore = (Long) poller.health().getDetails().get("taken");

        // the case committed, then the process died before \Seen was stored: the message is unseen again
        // (the scheduled poll may take it before this one does: either way it is read again)
        markUnseen(id);
        poller.poll();

        assertThat(unseenInInbox()).as("taken again and marked seen").doesNotContain(id);
        assertThat((Long) poller.health().getDetails().get("taken")).isGreaterThan(takenBefore);
        assertThat(count("select count(*) from case_message where external_id = ?", id))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from support_case where customer_id = ?",
                        cases.get(caseId).getCustomerId()))
                .isEqualTo(1);
        assertThat(cases.conversation(caseId, true)).hasSize(1);
        assertThat(quarantined()).doesNotContain(id);
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

        var huge = "From: <bruno-" + run + "@owners.example>\r\n\r\n" + "x".repeat(600 * 1024);
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
            var delivery = new io.directline.channel.outbox.OutboundDelivery(
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
                    "dl-hung",
                    null,
                    List.of());
            long start = System.nanoTime();
            var failure = org.junit.jupiter.api.Assertions.assertThrows(
                    io.directline.channel.outbox.DeliveryFailure.class,
                    () -> new SmtpSender(hung, emailProperties, null).send(delivery));
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

    static final String PASSWORD = "correct-horse-battery-staple";

    /** A mail of over 200 KB of text in paragraphs, with "\\n" line ends. */
    private String longMail(String from, String messageId) {
        var text = new StringBuilder();
        for (int i = 1; text.length() < 210 * 1024; i++) {
            text.append("Paragraph ")
                    .append(i)
                    .append(": the dryer rattles on the wool programme, louder every week.\n\n");
        }
        return """
                From: <%s>
                To: %s
                Subject: A long story %s
                Message-ID: %s
                Content-Type: text/plain; charset=UTF-8

                %s""".formatted(from, SUPPORT, run, messageId, text);
    }

    private static String lastParagraph(String mail) {
        var paragraphs = mail.strip().split("\n\n");
        return paragraphs[paragraphs.length - 1];
    }

    private String shortMail(String messageId) {
        return """
                From: <fred-%s@owners.example>
                To: %s
                Subject: Door seal %s
                Message-ID: %s
                Content-Type: text/plain

                The door seal leaks.
                """.formatted(run, SUPPORT, run, messageId);
    }

    /** The message holds the first part of the text and the note, and the case a staff note linking the original. */
    private void assertShortenedWithAStaffLink(long caseId, String messageId) {
        var message = received(messageId).orElseThrow();
        assertThat(message.getCaseId()).isEqualTo(caseId);
        assertThat(message.getBody())
                .startsWith("Paragraph 1: the dryer rattles")
                .contains("[This e-mail was longer than a message holds (")
                .endsWith("The full original is attached for staff.]")
                .doesNotContain("Paragraph 2000:");
        assertThat(message.getBody().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(CaseManagement.MAX_MESSAGE_BYTES);
        assertThat(cases.conversation(caseId, true))
                .filteredOn(m -> m.getDirection() == Direction.INTERNAL)
                .singleElement()
                .satisfies(note -> assertThat(note.getBody())
                        .contains("href=\"" + EmailOriginalController.screenPath(caseId, message.getId()) + "\"")
                        .contains("download the original e-mail"));
    }

    private ApiClient admin() {
        return IdentityFixtures.admin(port);
    }

    /** A new login with one role (an owner's names the owner); returns its username. */
    private String login(String role, Long customerId) {
        var username = role.toLowerCase(java.util.Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("roles", List.of(role));
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        var created = admin().post("/api/v1/users", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return username;
    }

    /** GET of a screen path in a browser session of this login (signed in through the sign-in form). */
    private HttpResponse<String> screen(String username, String path) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var base = "http://localhost:" + port;
        var form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), BodyHandlers.ofString());
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(form.body());
        assertThat(csrf.find()).as("the sign-in form has a CSRF token").isTrue();
        var signIn = "username=" + username + "&password=" + PASSWORD + "&_csrf=" + csrf.group(1);
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(signIn))
                        .build(),
                BodyHandlers.ofString());
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), BodyHandlers.ofString());
    }

    private long count(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    /** Clears \\Seen on the inbox message with this Message-ID, as a crash before storing it would leave it. */
    private static void markUnseen(String messageId) throws MessagingException {
        var store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), "support", "support-password");
        try {
            var inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                var found = inbox.search(new HeaderTerm("Message-ID", messageId));
                assertThat(found).hasSize(1);
                found[0].setFlag(Flags.Flag.SEEN, false);
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

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
