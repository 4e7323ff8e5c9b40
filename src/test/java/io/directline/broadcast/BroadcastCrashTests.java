package io.directline.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.directline.bench.BenchSupport;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A broadcast by e-mail whose process is killed with SIGKILL twice — once while the fan-out queues the owners'
 * notices, once while the outbox sends them — and restarted each time on the same database: every owner of the
 * segment ends up with exactly one notice, every owner's mailbox gets it, and a message the crash cut between the
 * mail server's "250" and our record of it goes out again with the same Message-ID (which mail clients show once),
 * never as a second, different message. The application runs as a process of its own from this suite's class path,
 * on H2 in file mode in a temporary folder or, when the suite runs on PostgreSQL, on a fresh database of its own.
 */
class BroadcastCrashTests {

    private static final int OWNERS = 150;
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private GreenMail mail;
    private ChildDatabase database;
    private Process app;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aBroadcastKilledMidFanOutAndMidDrainTellsEveryOwnerExactlyOnceAfterRestarts() throws Exception {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        database = ChildDatabase.fresh(dir);

        start(1);
        var admin = ApiClient.basic(port, "admin", IdentityFixtures.ADMIN_PASSWORD);
        String supervisor = IdentityFixtures.createLogin(admin, "SUPERVISOR", null);
        var model = UniqueNames.unique("Crash");
        var addresses = new LinkedHashMap<Long, String>();
        for (int i = 0; i < OWNERS; i++) {
            var address = "crash" + i + "-" + UniqueNames.suffix() + "@example.test";
            var owner = admin.post(
                    "/api/v1/customers",
                    Map.of("name", "Owner" + i + " Crash", "email", address, "preferredChannel", "EMAIL"));
            assertThat(owner.status()).as("%s", owner).isEqualTo(201);
            var order = admin.put(
                    "/api/v1/orders/CR-" + UniqueNames.suffix(),
                    Map.of(
                            "customerId",
                            owner.id(),
                            "model",
                            model,
                            "milestones",
                            Map.of("DELIVERED", Map.of("promised", "2027-03-05"))));
            assertThat(order.status()).as("%s", order).isEqualTo(201);
            addresses.put(owner.id(), address);
        }
        var sam = IdentityFixtures.signIn(port, supervisor);
        long id = BroadcastFixtures.create(sam, model).path("id").asLong();
        var approved = sam.post("/api/v1/broadcasts/" + id + "/approve", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);

        // the first kill: while the fan-out is half-way (one owner per page, so it takes a while)
        long[] queuedAtFirstKill = {0};
        awaitOrFail("the fan-out to start", Duration.ofMinutes(1), () -> {
            queuedAtFirstKill[0] = broadcast(sam, id).path("noticesQueued").asLong();
            return queuedAtFirstKill[0] >= 20;
        });
        kill();
        assertThat(queuedAtFirstKill[0])
                .as("notices queued when the first kill came (of %d)", OWNERS)
                .isLessThan(OWNERS);

        // the second kill: the fan-out resumed and finished, and the outbox is part-way through sending
        start(2);
        var samAgain = IdentityFixtures.signIn(port, supervisor);
        awaitOrFail(
                "the fan-out to finish after the restart",
                Duration.ofMinutes(1),
                () -> "QUEUED".equals(broadcast(samAgain, id).path("status").asString()));
        int mailsBefore = mail.getReceivedMessages().length;
        awaitOrFail(
                "the drain to go on",
                Duration.ofMinutes(1),
                () -> mail.getReceivedMessages().length >= Math.min(OWNERS - 20, mailsBefore + 30));
        kill();
        int mailsAtSecondKill = mail.getReceivedMessages().length;
        assertThat(mailsAtSecondKill)
                .as("mails sent when the second kill came (of %d)", OWNERS)
                .isLessThan(OWNERS);

        start(3);
        var samLast = IdentityFixtures.signIn(port, supervisor);
        awaitOrFail(
                "every notice to be sent",
                Duration.ofMinutes(2),
                () -> broadcast(samLast, id).path("progress").path("sent").asLong() == OWNERS);
        var last = broadcast(samLast, id);
        app.destroy();
        app.waitFor(60, TimeUnit.SECONDS);

        assertThat(last.path("noticesQueued").asLong()).isEqualTo(OWNERS);
        assertThat(last.path("progress").path("total").asLong()).isEqualTo(OWNERS);
        assertThat(database.noticesPerOwner("broadcast:" + id))
                .as("notices stored per owner")
                .hasSize(OWNERS)
                .allSatisfy((owner, count) -> assertThat(count).isEqualTo(1));

        var messageIds = new HashMap<String, Set<String>>();
        for (var received : mail.getReceivedMessages()) {
            var to = ((InternetAddress) received.getAllRecipients()[0]).getAddress();
            messageIds.computeIfAbsent(to, a -> new HashSet<>()).add(received.getMessageID());
        }
        for (var address : addresses.values()) {
            assertThat(messageIds.get(address))
                    .as("the distinct messages %s received", address)
                    .hasSize(1);
        }
        assertThat(messageIds.keySet()).as("addresses mailed").containsExactlyInAnyOrderElementsOf(addresses.values());
    }

    private JsonNode broadcast(ApiClient staff, long id) {
        var response = staff.get("/api/v1/broadcasts/" + id);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static void awaitOrFail(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited " + limit + " for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Starts the application on a new free port, from this suite's class path, and waits until it is ready. */
    private void start(int run) throws IOException, InterruptedException {
        port = freePort();
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "io.directline.DirectLineApplication",
                "--server.port=" + port,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--directline.channels.email.address=support@directline.example",
                // the drain takes several seconds, so the second kill falls in it
                "--directline.channels.rate.email=25",
                "--directline.channels.outbox.poll-interval=300ms",
                // rows a killed process held go out again once their lease ran out
                "--directline.channels.outbox.lease=6s",
                "--directline.broadcast.page-size=1",
                "--directline.broadcast.resume-every=1s",
                "--management.endpoint.health.probes.enabled=true"));
        command.addAll(database.appArguments());
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app-" + run + ".log").toFile());
        builder.environment().putAll(database.environment());
        long began = System.nanoTime();
        app = builder.start();
        var ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.exitValue() + ": " + log(run));
            }
            if (System.nanoTime() - began > STARTUP_LIMIT.toNanos()) {
                throw new IllegalStateException("the app did not start within " + STARTUP_LIMIT + ": " + log(run));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
    }

    private String log(int run) throws IOException {
        var lines = Files.readAllLines(dir.resolve("app-" + run + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGKILL, as a crash or the OOM killer would: {@code destroyForcibly} sends it on Linux. */
    private void kill() throws InterruptedException {
        app.destroyForcibly();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The child's database: H2 in file mode with the app's own URL, or a fresh PostgreSQL database. */
    private record ChildDatabase(String url, Path h2Dir, String pgName) {

        static ChildDatabase fresh(Path dir) throws IOException, SQLException {
            String suite = System.getProperty("spring.datasource.url", "jdbc:h2:mem:");
            if (!suite.startsWith("jdbc:postgresql:")) {
                var data = dir.resolve("data");
                Files.createDirectories(data);
                return new ChildDatabase(BenchSupport.embeddedDatabaseUrl(data), data, null);
            }
            var name = "dl_crash_" + Long.toString(System.nanoTime(), 36);
            var base = suite.substring(0, suite.lastIndexOf('/'));
            try (var connection = DriverManager.getConnection(base + "/postgres", "postgres", "");
                    var statement = connection.createStatement()) {
                statement.execute("create database " + name);
            }
            return new ChildDatabase(base + "/" + name, null, name);
        }

        List<String> appArguments() {
            return h2Dir != null
                    ? List.of("--directline.data-dir=" + h2Dir)
                    : List.of("--spring.profiles.active=postgres");
        }

        Map<String, String> environment() {
            return h2Dir != null ? Map.of() : Map.of("DIRECTLINE_DB_NAME", pgName);
        }

        Connection connect() throws SQLException {
            return h2Dir != null
                    ? DriverManager.getConnection(url, "sa", "")
                    : DriverManager.getConnection(url, "postgres", "");
        }

        /** Notices stored for the source, counted per owner. */
        Map<Long, Integer> noticesPerOwner(String source) throws SQLException {
            var counts = new HashMap<Long, Integer>();
            try (var connection = connect();
                    var query = connection.prepareStatement(
                            "select customer_id, count(*) from outbound_message where source = ? group by customer_id")) {
                query.setString(1, source);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getLong(1), rows.getInt(2));
                    }
                }
            }
            return counts;
        }

        void drop() throws SQLException {
            if (pgName == null) {
                return;
            }
            var base = url.substring(0, url.lastIndexOf('/'));
            try (var connection = DriverManager.getConnection(base + "/postgres", "postgres", "");
                    var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + pgName + " with (force)");
            }
        }
    }
}
