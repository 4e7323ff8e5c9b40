package io.directline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.directline.channel.ChannelFixtures;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The IMAP path end to end: GreenMail (SMTP and IMAP on free ports) is the support mailbox, the app's
 * {@code MailboxPoller} polls it every 200 ms, and the driver sends {@code bench.mails} mails over real
 * SMTP (from {@value #SENDERS} senders; every {@value #REPLY_EVERY}th one a reply to the sender's
 * previous mail). It measures from the first SMTP send until every mail is committed as a case message
 * (a count of the run's rows, read every 20 ms), and the time to the first. Writes
 * {@code target/bench/inbound-email.md}. The default is 400 mails (after 30 for warm-up), not more:
 * the poller takes one mail at a time with four IMAP round trips each, about 45 ms apiece against
 * GreenMail on localhost, so a round of 1,000 would run for three minutes. Asserts correctness only: every mail became exactly one
 * message, replies joined their parent's case, and every mail in the mailbox is marked seen.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboundEmailBenchmark {

    static final String SUPPORT = ChannelFixtures.SUPPORT_ADDRESS;
    static final GreenMail MAIL = ChannelFixtures.startSupportMailbox();
    private static final int MAILS = Integer.getInteger("bench.mails", 400);
    private static final int WARMUP = Integer.getInteger("bench.mail-warmup", 30);
    private static final int SENDERS = 300;
    private static final int REPLY_EVERY = 4;
    private static final Duration LIMIT = Duration.ofSeconds(Long.getLong("bench.mail-seconds", 150));

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) throws Exception {
        BenchSupport.h2InFileMode(registry, "inbound-email");
        ChannelFixtures.pollSupportMailbox(registry, MAIL);
    }

    @AfterAll
    static void stopMailbox() {
        MAIL.stop();
    }

    @Autowired
    DataSource dataSource;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void inboundEmail() throws Exception {
        var jdbc = new JdbcTemplate(dataSource);
        var database = BenchSupport.describeDatabase(dataSource);
        double loadBefore = BenchSupport.loadAverage();

        // warm-up: the same kind of mail, a round of its own, so the measured round starts warm
        var warmup = round(jdbc, "w", WARMUP);
        var measured = round(jdbc, "m", MAILS);
        double loadAfter = BenchSupport.loadAverage();

        var report = report(database, warmup, measured, loadBefore, loadAfter);
        System.out.println(report);
        BenchSupport.write("inbound-email.md", report);

        for (var r : List.of(warmup, measured)) {
            assertThat(r.stored()).as("messages stored in round %s", r.prefix()).isEqualTo(r.mails());
            assertThat(r.cutShort())
                    .as("round %s hit the time limit", r.prefix())
                    .isFalse();
            // exactly once each (the unique index allows no more, this checks none is missing)
            assertThat(jdbc.queryForObject(
                            "select count(distinct external_id) from case_message where channel = 'EMAIL'"
                                    + " and external_id like ?",
                            Long.class,
                            "<" + run + "-" + r.prefix() + "-%"))
                    .isEqualTo((long) r.mails());
            // every reply is in the case of the mail it answers
            var caseOf = jdbc
                    .queryForList(
                            "select external_id, case_id from case_message where channel = 'EMAIL'"
                                    + " and external_id like ?",
                            "<" + run + "-" + r.prefix() + "-%")
                    .stream()
                    .collect(Collectors.toMap(
                            // the row maps ignore the case of column names
                            row -> (String) row.get("external_id"),
                            row -> ((Number) row.get("case_id")).longValue()));
            for (int i = 0; i < r.mails(); i++) {
                int parent = parentOf(i);
                if (parent >= 0) {
                    assertThat(caseOf.get(messageId(r.prefix(), i)))
                            .as("case of reply %d", i)
                            .isEqualTo(caseOf.get(messageId(r.prefix(), parent)));
                }
            }
        }
        assertThat(countCases(jdbc, "m")).isEqualTo(MAILS - replies(MAILS));
        var mailbox = mailbox();
        assertThat(mailbox.get("total")).isEqualTo(WARMUP + MAILS);
        assertThat(mailbox.get("unseen")).as("messages still unseen").isZero();
    }

    /** Sends {@code mails} over SMTP on one connection and waits until all are stored. */
    private Round round(JdbcTemplate jdbc, String prefix, int mails) throws Exception {
        var session = Session.getInstance(new Properties());
        var messages = new ArrayList<MimeMessage>(mails);
        for (int i = 0; i < mails; i++) {
            messages.add(new MimeMessage(session, new ByteArrayInputStream(mail(prefix, i))));
        }
        var watcher = new Watcher(jdbc, "<" + run + "-" + prefix + "-%", mails);
        var to = new Address[] {new InternetAddress(SUPPORT)};
        long began = System.nanoTime();
        watcher.start(began);
        try (var transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            for (var message : messages) {
                transport.sendMessage(message, to);
            }
        }
        double sent = (System.nanoTime() - began) / 1e9;
        watcher.join(LIMIT.toMillis());
        watcher.interrupt();
        watcher.join();
        long stored = watcher.last;
        return new Round(prefix, mails, stored, sent, watcher.firstAt / 1e9, watcher.allAt / 1e9, watcher.allAt < 0);
    }

    /** Counts the round's stored messages every 20 ms; notes when the first and the last appeared. */
    private static final class Watcher extends Thread {

        private final JdbcTemplate jdbc;
        private final String pattern;
        private final int expected;
        private long began;
        volatile long last;
        volatile long firstAt = -1;
        volatile long allAt = -1;

        Watcher(JdbcTemplate jdbc, String pattern, int expected) {
            super("bench-watcher");
            setDaemon(true);
            this.jdbc = jdbc;
            this.pattern = pattern;
            this.expected = expected;
        }

        void start(long began) {
            this.began = began;
            start();
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                long n = jdbc.queryForObject(
                        "select count(*) from case_message where channel = 'EMAIL' and external_id like ?",
                        Long.class,
                        pattern);
                long now = System.nanoTime() - began;
                last = n;
                if (n > 0 && firstAt < 0) {
                    firstAt = now;
                }
                if (n >= expected) {
                    allAt = now;
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The mail it answers (the same sender's previous one), or -1 for a mail that starts a thread. */
    private static int parentOf(int i) {
        return i >= SENDERS && (i / SENDERS) % REPLY_EVERY == 1 ? i - SENDERS : -1;
    }

    private static int replies(int mails) {
        int n = 0;
        for (int i = 0; i < mails; i++) {
            n += parentOf(i) >= 0 ? 1 : 0;
        }
        return n;
    }

    private long countCases(JdbcTemplate jdbc, String prefix) {
        return jdbc.queryForObject(
                "select count(distinct case_id) from case_message where channel = 'EMAIL' and external_id like ?",
                Long.class,
                "<" + run + "-" + prefix + "-%");
    }

    private String messageId(String prefix, int i) {
        return "<" + run + "-" + prefix + "-" + i + "@senders.bench.example>";
    }

    private byte[] mail(String prefix, int i) {
        int sender = i % SENDERS;
        int parent = parentOf(i);
        var headers = new StringBuilder()
                .append("From: Bench Sender ")
                .append(sender)
                .append(" <sender")
                .append(sender)
                .append('-')
                .append(run)
                .append("@senders.bench.example>\r\n")
                .append("To: ")
                .append(SUPPORT)
                .append("\r\n")
                .append("Subject: ")
                .append(parent >= 0 ? "Re: " : "")
                .append("Dishwasher does not drain, ")
                .append(prefix)
                .append(' ')
                .append(parent >= 0 ? parent : i)
                .append("\r\n")
                .append("Message-ID: ")
                .append(messageId(prefix, i))
                .append("\r\n");
        if (parent >= 0) {
            headers.append("In-Reply-To: ")
                    .append(messageId(prefix, parent))
                    .append("\r\nReferences: ")
                    .append(messageId(prefix, parent))
                    .append("\r\n");
        }
        headers.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
        var body = "Hello, my dishwasher (serial DW-" + (100_000 + i) + ") leaves water in the bottom after"
                + " every programme.\r\nThe filter is clean and the hose is not kinked. It is three years"
                + " old.\r\nCan you help me, or tell me where to send it for repair? Thank you.\r\n";
        return (headers + body).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> mailbox() throws MessagingException {
        var store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), "support", "support-password");
        try {
            var inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                int unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
                return Map.of("total", inbox.getMessageCount(), "unseen", unseen);
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /**
     * One round of mails.
     *
     * @param sent seconds until the last mail was handed to SMTP
     * @param first seconds until the first was stored
     * @param all seconds until all were stored (negative when not all were)
     */
    record Round(String prefix, int mails, long stored, double sent, double first, double all, boolean cutShort) {

        double perSecond() {
            return mails / all;
        }
    }

    private String report(String database, Round warmup, Round measured, double loadBefore, double loadAfter) {
        var out = new StringBuilder();
        out.append(BenchSupport.reportHeader(
                "Inbound e-mail benchmark (IMAP poller)",
                database,
                "GreenMail SMTP + IMAP on localhost; poll interval 200 ms",
                loadBefore,
                loadAfter));
        out.append(String.format(
                Locale.ROOT,
                "- %d senders; %d of the %d measured mails are replies that join their parent's case%n%n",
                SENDERS,
                replies(measured.mails()),
                measured.mails()));
        out.append("| Round | Mails | SMTP send done (s) | First case (s) | All stored (s) | Mails/s end to end"
                + " | ms per mail |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (var r : List.of(warmup, measured)) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.2f | %.3f | %s | %s | %s |%n",
                    r == warmup ? "warm-up" : "measured",
                    r.mails(),
                    r.sent(),
                    r.first(),
                    r.cutShort() ? "not all (" + r.stored() + ")" : String.format(Locale.ROOT, "%.2f", r.all()),
                    r.cutShort() ? "-" : String.format(Locale.ROOT, "%.1f", r.perSecond()),
                    r.cutShort() ? "-" : String.format(Locale.ROOT, "%.0f", 1000 / r.perSecond())));
        }
        return out.toString();
    }
}
