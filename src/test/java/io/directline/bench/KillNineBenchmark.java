package io.directline.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.directline.channel.webhook.Webhooks;
import io.directline.testsupport.ApiClient;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kill -9 under load: the packaged application runs as a process of its own, 16 clients open cases over
 * the API and send signed SMS and phone webhooks, agents answer on SMS (the provider is a WireMock stub),
 * mails arrive in a GreenMail mailbox the app polls, and the process is killed with SIGKILL at random
 * moments and started again, several times. Afterwards every request that got a 2xx must be stored
 * exactly once, every answer acknowledged before a kill must reach the provider, every mail must be one
 * message, and promises that fell due while the app was down must be swept by the watchdog after the
 * restart. Clients retry a request that got no answer with the same idempotency key, message id or
 * call id, as a provider or an integration would.
 *
 * <p>Needs the packaged application: {@code ./mvnw -B -ntp package -DskipTests} (or
 * {@code -Dcrash.jar=PATH}). Run with {@code ./mvnw -Pbench verify -Dtest=KillNineBenchmark} (H2 in file
 * mode under {@code target/crash/h2}) or {@code -Pbench,postgres -Ddirectline.test.db=NAME} (the database
 * is dropped and created fresh). Tunable with {@code crash.kills} (default 10), {@code crash.seconds} (a
 * cap on the killing phase, default 600) and {@code crash.mails} (default 40). Writes
 * {@code target/bench/kill-nine-<database>.md}.
 */
@Tag("bench")
class KillNineBenchmark {

    private static final int CLIENTS = 16;
    private static final int KILLS = Integer.getInteger("crash.kills", 10);
    private static final Duration KILLING_LIMIT = Duration.ofSeconds(Long.getLong("crash.seconds", 600));
    private static final int MAILS = Integer.getInteger("crash.mails", 40);
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(360);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
    private static final int OWNERS = 40;
    private static final int SMS_SENDERS = 64;

    private static final String ADMIN_PASSWORD = "crash-admin-password";
    private static final String AGENT = "crash-agent";
    private static final String AGENT_PASSWORD = "crash-agent-password";
    private static final String SMS_TOKEN = "crash-sms-auth-token";
    private static final String SMS_ACCOUNT = "ACcrash0000000000000000000000000000";
    private static final String SMS_WEBHOOK_URL = "https://directline.example/webhooks/sms";
    private static final String PHONE_SECRET = "crash-phone-secret";
    private static final String SUPPORT = "support@directline.example";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String run = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    private final Pattern markers = Pattern.compile("kn" + run + "[a-z]\\d{6}");
    private final HttpClient http = BenchSupport.httpClient();
    private final AtomicReference<String> base = new AtomicReference<>();
    private final AtomicBoolean driving = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final List<Long> openedCases = new CopyOnWriteArrayList<>();
    private final AtomicLong refusedConnections = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final Map<String, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    private volatile String token;

    /** The kinds of request a client sends, each with the letter in its marker. */
    enum Kind {
        API_CASE('c'),
        SMS('s'),
        PHONE('p'),
        ANSWER('a'),
        MAIL('e');

        final char letter;

        Kind(char letter) {
            this.letter = letter;
        }
    }

    /** One logical request: its marker, and how it ended (a 2xx, a refusal, or no answer at all). */
    static final class Sent {
        final Kind kind;
        final String marker;
        volatile int status;
        volatile int attempts;

        Sent(Kind kind, String marker) {
            this.kind = kind;
            this.marker = marker;
        }

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    /** A promise recorded just before a kill, due while the app is down. */
    record PromiseAcrossKill(long caseId, long promiseId, Instant dueAt) {}

    @Test
    void killNineUnderLoad() throws Exception {
        var jar = packagedJar();
        var database = Database.fromSystemProperties(jar);
        database.createFresh();
        var logs = Path.of("target", "crash", database.name());
        BenchSupport.deleteTree(logs);
        Files.createDirectories(logs);

        var mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser(SUPPORT, "support", "support-password");
        var provider = new WireMockServer(options().dynamicPort());
        provider.start();
        provider.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.+/Messages.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SMcrash\",\"status\":\"queued\"}")));
        var app = new App(jar, database, logs, mail, provider);
        double loadBefore = BenchSupport.loadAverage();
        try {
            app.start();
            var owners = prepare(app);

            var clients = new ArrayList<Thread>();
            for (int c = 0; c < CLIENTS; c++) {
                var client = new Thread(() -> drive(owners), "crash-client-" + c);
                client.start();
                clients.add(client);
            }
            var mailer = new Thread(() -> sendMails(mail), "crash-mailer");
            mailer.start();

            // kill at random moments, a promise falling due while the app is down before each kill
            var promises = new ArrayList<PromiseAcrossKill>();
            long killingEnds = System.nanoTime() + KILLING_LIMIT.toNanos();
            while (app.kills() < KILLS && System.nanoTime() < killingEnds) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(3_000, 9_000));
                var promise = promiseDueSoon(app);
                if (promise != null) {
                    promises.add(promise);
                }
                app.kill();
                app.start();
            }
            Thread.sleep(5_000);
            driving.set(false);
            for (var client : clients) {
                client.join(60_000);
            }
            mailer.join(60_000);

            // let the restarted app deliver the answers and take in the mails, then stop it gracefully
            var drained = awaitDrain(provider, mail);
            var swept = awaitSwept(app, promises);
            app.stop();

            var stored = database.storedMarkers(markers);
            var deliveries = deliveries(provider);
            var report = new Report(
                    database.describe(),
                    app,
                    sent.values().stream().toList(),
                    stored,
                    deliveries,
                    promises.size(),
                    swept,
                    unseen(mail),
                    drained,
                    refusedConnections.get(),
                    resent.get(),
                    new TreeMap<>(serverErrors.entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(
                                    Map.Entry::getKey, e -> e.getValue().get()))),
                    loadBefore,
                    BenchSupport.loadAverage());
            var markdown = report.markdown();
            System.out.println(markdown);
            BenchSupport.write("kill-nine-" + database.name() + ".md", markdown);

            assertThat(app.kills()).as("kills").isGreaterThanOrEqualTo(Math.min(KILLS, 3));
            assertThat(report.lost()).as("acknowledged requests lost").isEmpty();
            assertThat(report.duplicated()).as("requests stored more than once").isEmpty();
            assertThat(report.undelivered())
                    .as("acknowledged answers never sent")
                    .isEmpty();
            assertThat(report.mailProblems())
                    .as("mails not stored exactly once")
                    .isEmpty();
            assertThat(swept)
                    .as("promises due during a restart, broken after it")
                    .isEqualTo(promises.size());
        } finally {
            app.stop();
            provider.stop();
            mail.stop();
        }
    }

    // --- preparation

    private long[] prepare(App app) {
        var admin = ApiClient.basic(app.port(), "admin", ADMIN_PASSWORD);
        var agent = admin.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        AGENT,
                        "password",
                        AGENT_PASSWORD,
                        "displayName",
                        "Crash Agent",
                        "roles",
                        Set.of("AGENT"),
                        "team",
                        "crash"));
        assertThat(agent.status()).as("create agent: %s", agent).isEqualTo(201);
        var issued = ApiClient.basic(app.port(), AGENT, AGENT_PASSWORD).post("/api/v1/tokens", Map.of("name", "crash"));
        assertThat(issued.status()).as("issue token: %s", issued).isEqualTo(201);
        token = issued.json().get("token").asString();
        var owners = new long[OWNERS];
        for (int i = 0; i < OWNERS; i++) {
            var owner = admin.post(
                    "/api/v1/customers",
                    Map.of(
                            "name",
                            "Crash Owner " + i,
                            "email",
                            "owner" + i + "-" + run + "@crash.example",
                            "phone",
                            String.format(Locale.ROOT, "+1555%s%02d", run.substring(0, 5), i),
                            "timeZone",
                            "Europe/Berlin"));
            assertThat(owner.status()).as("register owner: %s", owner).isEqualTo(201);
            owners[i] = owner.id();
        }
        return owners;
    }

    // --- the clients

    private void drive(long[] owners) {
        var random = ThreadLocalRandom.current();
        while (driving.get()) {
            int n = sequence.incrementAndGet();
            int pick = random.nextInt(10);
            Kind kind = pick < 4
                    ? Kind.API_CASE
                    : pick < 7 ? Kind.SMS : pick < 8 ? Kind.PHONE : openedCases.isEmpty() ? Kind.API_CASE : Kind.ANSWER;
            var request = new Sent(kind, String.format(Locale.ROOT, "kn%s%c%06d", run, kind.letter, n));
            sent.put(request.marker, request);
            long caseId = kind == Kind.ANSWER ? openedCases.get(random.nextInt(openedCases.size())) : 0;
            long owner = owners[random.nextInt(owners.length)];
            int sender = random.nextInt(SMS_SENDERS);
            send(request, () -> build(request, owner, caseId, sender));
        }
    }

    /** Sends until a 2xx or a refusal; an unanswered request is sent again unless it may not be repeated. */
    private void send(Sent request, java.util.function.Supplier<HttpRequest> build) {
        while (true) {
            request.attempts++;
            try {
                var response = http.send(build.get(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    if (request.kind == Kind.API_CASE) {
                        openedCases.add(JSON.readTree(response.body()).get("id").asLong());
                    }
                    request.status = status;
                    return;
                }
                if (status < 500 && status != 429) {
                    request.status = status;
                    return;
                }
                serverErrors
                        .computeIfAbsent(request.kind + " " + status, k -> new AtomicInteger())
                        .incrementAndGet();
            } catch (ConnectException e) {
                // the app is down: nothing reached it
                refusedConnections.incrementAndGet();
            } catch (IOException e) {
                // the answer was lost: an answer has no idempotency key, so it is not sent again
                if (request.kind == Kind.ANSWER) {
                    request.status = -1;
                    return;
                }
                resent.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!driving.get()) {
                request.status = -1;
                return;
            }
            pause(200);
        }
    }

    private HttpRequest build(Sent request, long owner, long caseId, int sender) {
        var text = "Crash test " + request.marker + ": my car shows a warning light after the update.";
        return switch (request.kind) {
            case API_CASE ->
                json("/api/v1/cases", Map.of("customerId", owner, "subject", "Warning light", "body", text))
                        .header("Idempotency-Key", request.marker)
                        .build();
            case ANSWER ->
                json(
                                "/api/v1/cases/" + caseId + "/messages",
                                Map.of(
                                        "body",
                                        "Answer " + request.marker + ": please come to the service center.",
                                        "visibility",
                                        "PUBLIC",
                                        "channel",
                                        "SMS"))
                        .build();
            case SMS -> sms(request.marker, sender, text);
            case PHONE -> phone(request.marker, sender, text);
            case MAIL -> throw new IllegalArgumentException("mails go over SMTP");
        };
    }

    private HttpRequest.Builder json(String path, Map<String, Object> body) {
        return HttpRequest.newBuilder(URI.create(base.get() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
    }

    /** Twilio's incoming-message webhook, signed as Twilio signs it (HMAC-SHA1 of URL and sorted params). */
    private HttpRequest sms(String marker, int sender, String text) {
        var params = new TreeMap<String, String>();
        params.put("AccountSid", SMS_ACCOUNT);
        params.put("Body", text);
        params.put("From", String.format(Locale.ROOT, "+1666%s%02d", run.substring(0, 5), sender));
        params.put("MessageSid", "SM" + marker);
        params.put("To", "+15550000000");
        var signed = new StringBuilder(SMS_WEBHOOK_URL);
        params.forEach((k, v) -> signed.append(k).append(v));
        var signature = Base64.getEncoder()
                .encodeToString(
                        Webhooks.hmac("HmacSHA1", SMS_TOKEN, signed.toString().getBytes(StandardCharsets.UTF_8)));
        var form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(base.get() + "/webhooks/sms"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8))
                .build();
    }

    /** A call event from the telephone system, signed with HMAC-SHA256 of the body. */
    private HttpRequest phone(String marker, int caller, String text) {
        var body = JSON.writeValueAsBytes(Map.of(
                "callId",
                "call-" + marker,
                "event",
                "started",
                "callerNumber",
                String.format(Locale.ROOT, "+1777%s%02d", run.substring(0, 5), caller),
                "notes",
                text));
        var signature = "sha256=" + HexFormat.of().formatHex(Webhooks.hmac("HmacSHA256", PHONE_SECRET, body));
        return HttpRequest.newBuilder(URI.create(base.get() + "/webhooks/phone"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-DirectLine-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Mails over SMTP into the polled mailbox, spread over the killing phase. */
    private void sendMails(GreenMail mail) {
        for (int i = 0; i < MAILS && driving.get(); i++) {
            var marker = String.format(Locale.ROOT, "kn%s%c%06d", run, Kind.MAIL.letter, i);
            var request = new Sent(Kind.MAIL, marker);
            GreenMailUtil.sendTextEmail(
                    SUPPORT,
                    "mailer" + (i % 10) + "-" + run + "@crash.example",
                    "Seat heating " + marker,
                    "Crash test " + marker + ": the seat heating stays on.",
                    mail.getSmtp().getServerSetup());
            request.status = 250;
            sent.put(marker, request);
            pause(2_000);
        }
    }

    // --- the watchdog

    /** A promise on an opened case due in two seconds, recorded just before a kill; null when refused. */
    private PromiseAcrossKill promiseDueSoon(App app) {
        if (openedCases.isEmpty()) {
            return null;
        }
        long caseId = openedCases.get(ThreadLocalRandom.current().nextInt(openedCases.size()));
        var dueAt = Instant.now().plusSeconds(2);
        try {
            var promise = ApiClient.bearer(app.port(), token)
                    .post(
                            "/api/v1/cases/" + caseId + "/promises",
                            Map.of(
                                    "description",
                                    "Call back about the warning light",
                                    "dueAt",
                                    dueAt.toString(),
                                    "responsible",
                                    AGENT));
            return promise.status() == 201 ? new PromiseAcrossKill(caseId, promise.id(), dueAt) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** How many of the promises the watchdog broke after the restarts (waiting for it a while). */
    private int awaitSwept(App app, List<PromiseAcrossKill> promises) {
        var client = ApiClient.bearer(app.port(), token);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int broken = 0;
        while (System.nanoTime() < deadline) {
            broken = 0;
            for (var p : promises) {
                var view = client.get("/api/v1/cases/" + p.caseId() + "/promises/" + p.promiseId());
                if (view.status() == 200
                        && "BROKEN".equals(view.json().get("status").asString())) {
                    broken++;
                }
            }
            if (broken == promises.size()) {
                break;
            }
            pause(1_000);
        }
        return broken;
    }

    // --- outbox and mailbox

    /** Waits until every acknowledged answer reached the provider and no mail is unseen; false at the limit. */
    private boolean awaitDrain(WireMockServer provider, GreenMail mail) {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            var delivered = deliveries(provider).perMarker().keySet();
            boolean answered = sent.values().stream()
                    .filter(s -> s.kind == Kind.ANSWER && s.acknowledged())
                    .allMatch(s -> delivered.contains(s.marker));
            if (answered && unseen(mail) == 0) {
                return true;
            }
            pause(1_000);
        }
        return false;
    }

    /** What the stub provider received: sends per answer marker, and idempotency keys if the sender sets one. */
    record Deliveries(Map<String, Integer> perMarker, int requests, Map<String, Integer> perIdempotencyKey) {}

    private Deliveries deliveries(WireMockServer provider) {
        var perMarker = new HashMap<String, Integer>();
        var perKey = new HashMap<String, Integer>();
        int requests = 0;
        for (var event : provider.getAllServeEvents()) {
            requests++;
            var body = URLDecoder.decode(event.getRequest().getBodyAsString(), StandardCharsets.UTF_8);
            var found = markers.matcher(body);
            while (found.find()) {
                perMarker.merge(found.group(), 1, Integer::sum);
            }
            for (var header : event.getRequest().getAllHeaderKeys()) {
                if (header.toLowerCase(Locale.ROOT).contains("idempotency")) {
                    perKey.merge(event.getRequest().getHeader(header), 1, Integer::sum);
                }
            }
        }
        return new Deliveries(perMarker, requests, perKey);
    }

    /** Messages in the support mailbox not yet marked \\Seen, as an IMAP client sees them. */
    private static int unseen(GreenMail mail) {
        try {
            var store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", mail.getImap().getPort(), "support", "support-password");
            try {
                var inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    return inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the application process

    /** The packaged application, started as a process of its own on a new free port each time. */
    final class App {

        private final Path jar;
        private final Database database;
        private final Path logs;
        private final GreenMail mail;
        private final WireMockServer provider;
        private final List<Double> startSeconds = new ArrayList<>();
        private Process process;
        private int port;
        private int kills;

        App(Path jar, Database database, Path logs, GreenMail mail, WireMockServer provider) {
            this.jar = jar;
            this.database = database;
            this.logs = logs;
            this.mail = mail;
            this.provider = provider;
        }

        int port() {
            return port;
        }

        int kills() {
            return kills;
        }

        List<Double> startSeconds() {
            return startSeconds;
        }

        void start() throws IOException, InterruptedException {
            port = freePort();
            var command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    // start-up dominates a run of many restarts on two shared cores
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port,
                    "--directline.demo.enabled=false",
                    "--directline.channels.sms.auth-token=" + SMS_TOKEN,
                    "--directline.channels.sms.account-sid=" + SMS_ACCOUNT,
                    "--directline.channels.sms.from-number=+15550000000",
                    "--directline.channels.sms.api-base-url=" + provider.baseUrl(),
                    "--directline.channels.sms.webhook-url=" + SMS_WEBHOOK_URL,
                    // a company's pooled sender (the default); the verdict below waits for every SMS answer
                    "--directline.channels.rate.sms=100",
                    "--directline.channels.phone.secret=" + PHONE_SECRET,
                    "--directline.channels.email.address=" + SUPPORT,
                    "--directline.channels.email.imap.host=127.0.0.1",
                    "--directline.channels.email.imap.port="
                            + mail.getImap().getServerSetup().getPort(),
                    "--directline.channels.email.imap.ssl=false",
                    "--directline.channels.email.imap.username=support",
                    "--directline.channels.email.imap.password=support-password",
                    "--directline.channels.email.imap.poll-interval=500ms",
                    "--directline.channels.outbox.poll-interval=500ms",
                    "--directline.channels.outbox.first-retry=1s",
                    "--directline.channels.outbox.lease=10s",
                    "--directline.sla.watchdog-interval=1s",
                    "--management.endpoint.health.probes.enabled=true"));
            command.addAll(database.appArguments());
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve("app-" + (startSeconds.size() + 1) + ".log")
                            .toFile());
            builder.environment().put("DIRECTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().putAll(database.environment());
            long began = System.nanoTime();
            process = builder.start();
            // ready once the start-up runners (the admin login among them) are done, not at the first answer
            var health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + logs);
                }
                if (System.nanoTime() - began > STARTUP_LIMIT.toNanos()) {
                    throw new IllegalStateException("the app did not start within " + STARTUP_LIMIT + "; see " + logs);
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            startSeconds.add((System.nanoTime() - began) / 1e9);
            base.set("http://localhost:" + port);
        }

        /** SIGKILL: {@code destroyForcibly} sends it on Linux. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            kills++;
        }

        /** SIGTERM: a graceful shutdown, so the database is left as the app would leave it. */
        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }

        private static int freePort() throws IOException {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    private static Path packagedJar() throws IOException {
        var configured = System.getProperty("crash.jar");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("direct-line-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException(
                            "No packaged application in target/: run ./mvnw -B -ntp package -DskipTests first"));
        }
    }

    // --- the database, H2 in file mode or PostgreSQL

    /** Where the app keeps its data, and how to read what it stored once it is stopped. */
    record Database(String name, String url, Path h2Dir, String appUrl) {

        static Database fromSystemProperties(Path jar) throws IOException {
            String url = System.getProperty("spring.datasource.url", "jdbc:h2:mem:");
            if (url.startsWith("jdbc:postgresql:")) {
                return new Database("postgres", url, null, url);
            }
            var dir = Path.of("target", "crash", "h2-data").toAbsolutePath();
            return new Database("h2", BenchSupport.embeddedDatabaseUrl(dir), dir, embeddedUrlIn(jar));
        }

        /** The embedded database URL the packaged app uses, from the application.yml inside the jar. */
        private static String embeddedUrlIn(Path jar) throws IOException {
            try (var file = new java.util.jar.JarFile(jar.toFile())) {
                var entry = file.getJarEntry("BOOT-INF/classes/application.yml");
                try (var in = file.getInputStream(entry)) {
                    var yaml = new org.springframework.core.io.ByteArrayResource(in.readAllBytes());
                    var url = new org.springframework.boot.env.YamlPropertySourceLoader()
                            .load("packaged", yaml)
                            .get(0)
                            .getProperty("spring.datasource.url");
                    return String.valueOf(url);
                }
            }
        }

        String pgName() {
            var path = URI.create(url.substring("jdbc:".length())).getPath();
            return path.substring(1);
        }

        void createFresh() throws IOException, SQLException {
            if (h2Dir != null) {
                BenchSupport.deleteTree(h2Dir);
                Files.createDirectories(h2Dir);
                return;
            }
            var admin = url.substring(0, url.lastIndexOf('/')) + "/postgres";
            try (var connection = DriverManager.getConnection(admin, "postgres", "");
                    var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + pgName() + " with (force)");
                statement.execute("create database " + pgName());
            }
        }

        List<String> appArguments() {
            return h2Dir != null
                    ? List.of("--directline.data-dir=" + h2Dir)
                    : List.of("--spring.profiles.active=postgres");
        }

        Map<String, String> environment() {
            return h2Dir != null ? Map.of() : Map.of("DIRECTLINE_DB_NAME", pgName());
        }

        Connection connect() throws SQLException {
            return h2Dir != null
                    ? DriverManager.getConnection(url, "sa", "")
                    : DriverManager.getConnection(url, "postgres", "");
        }

        String describe() throws SQLException {
            try (var connection = connect()) {
                var meta = connection.getMetaData();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()
                        + (h2Dir != null ? " (file mode; the app's URL: `" + appUrl + "`)" : "");
            }
        }

        /** How many stored messages carry each marker, read once the app is stopped. */
        Map<String, Integer> storedMarkers(Pattern markers) throws SQLException {
            var counts = new HashMap<String, Integer>();
            try (var connection = connect();
                    var rows = connection.prepareStatement("select body from case_message where body like ?")) {
                rows.setString(1, "%" + markers.pattern().substring(0, 8) + "%");
                try (var result = rows.executeQuery()) {
                    while (result.next()) {
                        var found = markers.matcher(result.getString(1));
                        var inRow = new java.util.HashSet<String>();
                        while (found.find()) {
                            inRow.add(found.group());
                        }
                        inRow.forEach(m -> counts.merge(m, 1, Integer::sum));
                    }
                }
            }
            return counts;
        }
    }

    // --- the report

    record Report(
            String database,
            App app,
            List<Sent> requests,
            Map<String, Integer> stored,
            Deliveries deliveries,
            int promises,
            int swept,
            int unseen,
            boolean drained,
            long refusedConnections,
            long resent,
            Map<String, Integer> serverErrors,
            double loadBefore,
            double loadAfter) {

        List<String> lost() {
            return requests.stream()
                    .filter(s -> s.kind != Kind.MAIL && s.acknowledged() && !stored.containsKey(s.marker))
                    .map(s -> s.marker)
                    .toList();
        }

        List<String> duplicated() {
            return requests.stream()
                    .filter(s -> stored.getOrDefault(s.marker, 0) > 1)
                    .map(s -> s.marker)
                    .toList();
        }

        List<String> undelivered() {
            return requests.stream()
                    .filter(s -> s.kind == Kind.ANSWER && s.acknowledged())
                    .filter(s -> !deliveries.perMarker().containsKey(s.marker))
                    .map(s -> s.marker)
                    .toList();
        }

        long mails() {
            return requests.stream().filter(s -> s.kind == Kind.MAIL).count();
        }

        List<String> mailProblems() {
            return requests.stream()
                    .filter(s -> s.kind == Kind.MAIL && stored.getOrDefault(s.marker, 0) != 1)
                    .map(s -> s.marker + " stored " + stored.getOrDefault(s.marker, 0) + " times")
                    .toList();
        }

        String markdown() {
            var out = BenchSupport.reportHeader(
                    "Kill -9 under load",
                    database,
                    String.format(
                            Locale.ROOT,
                            "%d clients; app started %d times (start-up %.1f s on average), killed %d times",
                            CLIENTS,
                            app.startSeconds().size(),
                            app.startSeconds().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .average()
                                    .orElse(0),
                            app.kills()),
                    loadBefore,
                    loadAfter);
            out.append('\n');
            out.append("| Request | Sent | Acknowledged (2xx) | Refused (4xx) | No answer | Lost | Duplicated |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|\n");
            var lost = Set.copyOf(lost());
            var duplicated = Set.copyOf(duplicated());
            for (var kind : Kind.values()) {
                var ofKind = requests.stream().filter(s -> s.kind == kind).toList();
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %d | %d | %d | %d | %d |%n",
                        kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        ofKind.size(),
                        ofKind.stream().filter(Sent::acknowledged).count(),
                        ofKind.stream()
                                .filter(s -> s.status >= 300 && s.status < 500)
                                .count(),
                        ofKind.stream().filter(s -> s.status <= 0).count(),
                        kind == Kind.MAIL
                                ? ofKind.stream()
                                        .filter(s -> !stored.containsKey(s.marker))
                                        .count()
                                : ofKind.stream()
                                        .filter(s -> lost.contains(s.marker))
                                        .count(),
                        ofKind.stream()
                                .filter(s -> duplicated.contains(s.marker))
                                .count()));
            }
            out.append('\n');
            int answers = (int) requests.stream()
                    .filter(s -> s.kind == Kind.ANSWER && s.acknowledged())
                    .count();
            int sends = deliveries.perMarker().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            out.append(String.format(
                    Locale.ROOT,
                    "- Sent again after the connection broke mid-request (same idempotency key, message SID or"
                            + " call id): %d; attempts refused while the app was down: %d%n",
                    resent,
                    refusedConnections));
            var refusals = new TreeMap<String, Integer>();
            requests.stream()
                    .filter(s -> s.status >= 300 && s.status < 500)
                    .forEach(s -> refusals.merge(s.kind + " " + s.status, 1, Integer::sum));
            out.append("- Refusals: ")
                    .append(refusals.isEmpty() ? "none" : refusals.toString())
                    .append('\n');
            out.append(String.format(
                    Locale.ROOT,
                    "- Answers 5xx or 429 while the app was up (the client sent the request again): %s%n",
                    serverErrors.isEmpty() ? "none" : serverErrors));
            out.append(String.format(
                    Locale.ROOT,
                    "- Outbox: %d acknowledged answers; the SMS stub received %d of them (%d sends in all,"
                            + " %d duplicate sends; %d requests to the stub including owner notices);"
                            + " %d never sent%n",
                    answers,
                    deliveries.perMarker().size(),
                    sends,
                    sends - deliveries.perMarker().size(),
                    deliveries.requests(),
                    undelivered().size()));
            out.append(String.format(
                    Locale.ROOT,
                    "- Provider idempotency keys seen by the stub: %s%n",
                    deliveries.perIdempotencyKey().isEmpty()
                            ? "none (the sender sends no idempotency header)"
                            : deliveries.perIdempotencyKey().size() + " distinct in "
                                    + deliveries.perIdempotencyKey().values().stream()
                                            .mapToInt(Integer::intValue)
                                            .sum()
                                    + " sends"));
            out.append(String.format(
                    Locale.ROOT,
                    "- Watchdog: %d promises due while the app was down, %d broken by the watchdog after the restart%n",
                    promises,
                    swept));
            out.append(String.format(
                    Locale.ROOT,
                    "- IMAP: %d mails sent, %d stored exactly once, %d unseen in the mailbox at the end%n",
                    mails(),
                    mails() - mailProblems().size(),
                    unseen));
            out.append(String.format(
                    Locale.ROOT,
                    "- Outbox and mailbox drained before the stop: %s%n",
                    drained ? "yes" : "no (time limit)"));
            if (!lost().isEmpty()) {
                out.append("- Lost (first 10): ")
                        .append(lost().stream().sorted().limit(10).toList())
                        .append('\n');
            }
            if (!duplicated().isEmpty()) {
                out.append("- Duplicated (first 10): ")
                        .append(duplicated().stream().sorted().limit(10).toList())
                        .append('\n');
            }
            return out.toString();
        }
    }
}
