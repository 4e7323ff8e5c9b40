package io.directline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.channel.Notice;
import io.directline.channel.Notices;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A broadcast's notices by e-mail, end to end on this machine: {@code bench.notices} notices (default 400,000)
 * queued through {@link Notices#queueAll} in transactions of 1,000, then drained by the outbox dispatcher over real
 * SMTP to a minimal local sink (it answers the protocol and counts messages; GreenMail would keep 400,000 messages
 * in memory). Halfway through the drain an agent answers a case on e-mail; the driver measures how long that answer
 * waits to be sent. The notices go to {@code bench.owners} owners (default 2,000), many notices each with distinct
 * idempotency keys: registering 400,000 owners one by one is the journey module's generator's work, not the outbox's.
 * Writes {@code target/bench/notice-outbox.md}; asserts only that every notice was sent once.
 */
@Tag("bench")
@SpringBootTest(
        properties = {
            "directline.demo.enabled=false",
            "directline.channels.outbox.enabled=false",
            "directline.channels.outbox.batch-size=200",
            "directline.channels.outbox.senders=4",
            "directline.channels.email.address=support@directline.example"
        })
class NoticeOutboxBenchmark {

    private static final int NOTICES = Integer.getInteger("bench.notices", 400_000);
    private static final int OWNERS = Integer.getInteger("bench.owners", 2_000);
    private static final SmtpSink SINK = SmtpSink.start();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws Exception {
        BenchSupport.h2InFileMode(registry, "notice-outbox");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SINK.port());
    }

    @AfterAll
    static void stop() throws IOException {
        SINK.close();
    }

    @Autowired
    Notices notices;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void fourHundredThousandNoticesByEmail() throws Exception {
        var owners = new ArrayList<Long>();
        for (int i = 0; i < OWNERS; i++) {
            owners.add(customers.register(CustomerFixtures.owner("Bench Owner")).getId());
        }
        var source = "broadcast:bench-" + System.nanoTime();

        long queueStart = System.nanoTime();
        int queued = 0;
        var batch = new ArrayList<Notice>(1000);
        for (int n = 0; n < NOTICES; n++) {
            long owner = owners.get(n % OWNERS);
            batch.add(new Notice(
                    owner,
                    source,
                    "Your delivery moves to 12 March",
                    "Dear owner,\n\nyour car now arrives on 12 March instead of 2 March: a supplier of seats is"
                            + " late. We are sorry; your advisor calls you this week.\n\nDana Director",
                    null,
                    "Dana Director",
                    null,
                    source + ":" + n));
            if (batch.size() == 1000 || n == NOTICES - 1) {
                var chunk = List.copyOf(batch);
                queued += transactions.execute(tx -> notices.queueAll(chunk));
                batch.clear();
            }
        }
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
        assertThat(queued).isEqualTo(NOTICES);

        long owner = customers.register(CustomerFixtures.owner("Ann Answer")).getId();
        long caseId = cases.open(
                        new OpenCase(owner, "Wipers", "They smear", Channel.EMAIL, Priority.NORMAL, null, null, null),
                        new Actor("owner", "Ann", Channel.EMAIL))
                .getId();
        var answerWait = new AtomicLong(-1);
        var agent = Executors.newSingleThreadExecutor();
        agent.submit(() -> {
            while (SINK.messages() < NOTICES / 2) {
                Thread.sleep(50);
            }
            var reply =
                    cases.reply(caseId, "New blades are on their way.", null, new Actor("a", "Agent", Channel.PORTAL));
            long asked = System.nanoTime();
            while (!"SENT".equals(status(reply.getId()))) {
                Thread.sleep(10);
            }
            answerWait.set(System.nanoTime() - asked);
            return null;
        });

        long drainStart = System.nanoTime();
        while (notices.progress(source).finished() < NOTICES) {
            io.directline.channel.outbox.OutboxBench.dispatchDue(context);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        while (answerWait.get() < 0) {
            io.directline.channel.outbox.OutboxBench.dispatchDue(context);
            Thread.sleep(20);
        }
        agent.shutdown();

        assertThat(notices.progress(source).sent()).isEqualTo(NOTICES);
        var report = String.format(
                java.util.Locale.ROOT,
                "| notices | owners | queue (queueAll, 1,000 per tx) | drain to SMTP sink | drain rate | answer queued"
                        + " mid-drain waited |%n|---|---|---|---|---|---|%n| %,d | %,d | %.1f s (%,.0f/s) | %.1f s |"
                        + " %,.0f/s | %.2f s |%n",
                NOTICES,
                OWNERS,
                queueSeconds,
                NOTICES / queueSeconds,
                drainSeconds,
                NOTICES / drainSeconds,
                answerWait.get() / 1e9);
        Files.createDirectories(BenchSupport.OUT);
        Files.writeString(BenchSupport.OUT.resolve("notice-outbox.md"), report);
        System.out.println(report);
    }

    private String status(long messageId) {
        return jdbc
                .queryForList("select status from outbound_message where message_id = ?", String.class, messageId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** An SMTP server that accepts every message and forgets it, counting. */
    static final class SmtpSink implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicLong messages = new AtomicLong();

        private SmtpSink(ServerSocket server) {
            this.server = server;
        }

        static SmtpSink start() {
            try {
                var sink = new SmtpSink(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
                var accept = new Thread(sink::accept, "smtp-sink");
                accept.setDaemon(true);
                accept.start();
                return sink;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        long messages() {
            return messages.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    var socket = server.accept();
                    var session = new Thread(() -> serve(socket), "smtp-sink-session");
                    session.setDaemon(true);
                    session.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try (socket;
                    var in =
                            new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
                reply(out, "220 sink ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    var command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    switch (command) {
                        case "EHLO", "HELO" -> reply(out, "250 sink");
                        case "DATA" -> {
                            reply(out, "354 go ahead");
                            while ((line = in.readLine()) != null && !line.equals(".")) {
                                // discarded
                            }
                            messages.incrementAndGet();
                            reply(out, "250 queued");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 ok");
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static void reply(Writer out, String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
