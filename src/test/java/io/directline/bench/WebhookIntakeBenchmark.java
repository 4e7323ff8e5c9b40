package io.directline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport.Round;
import io.directline.channel.webhook.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signed provider webhooks over real HTTP: X direct messages ({@code POST /webhooks/x}) and raw MIME
 * mail ({@code POST /webhooks/email}), each at 1, 4, 16 and 64 concurrent clients with a new event id
 * per call, then the first {@code bench.duplicates} events of the measured rounds delivered again at 16
 * clients (the duplicate path). Senders come round-robin from a pool of {@value #SENDERS} per channel,
 * so no two calls in flight are from the same sender. Writes {@code target/bench/webhooks.md} and
 * {@code webhooks.svg}. Asserts correctness only: no errors, every new event stored once, every
 * duplicate stored nothing.
 */
@Tag("bench")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "directline.channels.x.consumer-secret=" + WebhookIntakeBenchmark.X_SECRET,
            "directline.channels.email.webhook-secret=" + WebhookIntakeBenchmark.EMAIL_SECRET,
            "directline.channels.email.address=" + WebhookIntakeBenchmark.SUPPORT
        })
class WebhookIntakeBenchmark {

    static final String X_SECRET = "bench-x-consumer-secret";
    static final String EMAIL_SECRET = "bench-email-webhook-secret";
    static final String SUPPORT = "support@directline.example";
    static final String OUR_ACCOUNT = "4337869213";

    private static final int[] LEVELS = {1, 4, 16, 64};
    private static final int REQUESTS = Integer.getInteger("bench.requests", 800);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 400);
    private static final int DUPLICATES = Integer.getInteger("bench.duplicates", 800);
    private static final int DUPLICATE_CONCURRENCY = 16;
    private static final Duration LEVEL_LIMIT = Duration.ofSeconds(Long.getLong("bench.level-seconds", 40));
    private static final int SENDERS = 300;

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws Exception {
        BenchSupport.h2InFileMode(registry, "webhooks");
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = BenchSupport.httpClient();
    private final String run = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));

    /** A channel's webhook: how to build event {@code n}, and what a right answer is. */
    private record Hook(
            String name,
            String sqlChannel,
            String idPrefix,
            IntFunction<HttpRequest> event,
            Function<HttpResponse<String>, String> taken,
            Function<HttpResponse<String>, String> duplicate) {}

    /** The rounds of one channel. */
    record ChannelRounds(String name, Round warmup, List<Round> levels, Round duplicates) {

        Stream<Round> all() {
            return Stream.concat(Stream.of(warmup), Stream.concat(levels.stream(), Stream.of(duplicates)));
        }
    }

    @Test
    void webhooks() throws Exception {
        var jdbc = new JdbcTemplate(dataSource);
        var database = BenchSupport.describeDatabase(dataSource);
        double loadBefore = BenchSupport.loadAverage();

        var hooks = List.of(xHook(), emailHook());
        var results = new ArrayList<ChannelRounds>();
        for (var hook : hooks) {
            var warmup = round(hook, "warm-up", 16, 0, WARMUP, hook.taken());
            var levels = new ArrayList<Round>();
            int offset = WARMUP;
            for (int concurrency : LEVELS) {
                levels.add(round(hook, "c" + concurrency, concurrency, offset, REQUESTS, hook.taken()));
                offset += REQUESTS;
            }
            long storedBeforeDuplicates = stored(jdbc, hook);
            var duplicates = round(hook, "duplicates", DUPLICATE_CONCURRENCY, WARMUP, DUPLICATES, hook.duplicate());
            var rounds = new ChannelRounds(hook.name(), warmup, levels, duplicates);
            results.add(rounds);

            // correctness only: every new event stored once, every duplicate stored nothing
            assertThat(rounds.all().toList())
                    .as(
                            "errors per round of %s: %s",
                            hook.name(), rounds.all().map(Round::errorSummary).toList())
                    .allSatisfy(r -> assertThat(r.errors()).isZero());
            long delivered = Stream.concat(Stream.of(warmup), levels.stream())
                    .mapToLong(Round::succeeded)
                    .sum();
            assertThat(storedBeforeDuplicates)
                    .as("%s events stored", hook.name())
                    .isEqualTo(delivered);
            assertThat(stored(jdbc, hook))
                    .as("%s events stored after the duplicates", hook.name())
                    .isEqualTo(delivered);
        }
        double loadAfter = BenchSupport.loadAverage();

        var markdown = markdown(database, results, loadBefore, loadAfter);
        System.out.println(markdown);
        BenchSupport.write("webhooks.md", markdown);
        BenchSupport.write("webhooks.svg", svg(database, results));
    }

    private Round round(
            Hook hook,
            String label,
            int concurrency,
            int offset,
            int requests,
            Function<HttpResponse<String>, String> verdict)
            throws InterruptedException {
        var prepared = new HttpRequest[requests];
        for (int i = 0; i < requests; i++) {
            prepared[i] = hook.event().apply(offset + i);
        }
        return BenchSupport.drive(http, hook.name() + " " + label, concurrency, prepared, verdict, LEVEL_LIMIT);
    }

    private long stored(JdbcTemplate jdbc, Hook hook) {
        return jdbc.queryForObject(
                "select count(*) from case_message where channel = ? and external_id like ?",
                Long.class,
                hook.sqlChannel(),
                hook.idPrefix() + "%");
    }

    // --- X direct messages

    private Hook xHook() {
        var prefix = "8" + run + "0";
        var uri = URI.create("http://localhost:" + port + "/webhooks/x");
        return new Hook(
                "X DM",
                "X",
                prefix,
                n -> {
                    int sender = n % SENDERS;
                    var senderId = "7" + run + String.format(Locale.ROOT, "%04d", sender);
                    var body = """
                            {"for_user_id":"%s","direct_message_events":[{"type":"message_create","id":"%s%09d",\
                            "created_timestamp":"1516403560557","message_create":{"target":{"recipient_id":"%s"},\
                            "sender_id":"%s","message_data":{"text":"%s","entities":{}}}}],\
                            "users":{"%s":{"id":"%s","name":"Bench Sender %d","screen_name":"bench_%s_%d"}}}""".formatted(
                                    OUR_ACCOUNT,
                                    prefix,
                                    n,
                                    OUR_ACCOUNT,
                                    senderId,
                                    "My espresso machine (serial EM-" + (100_000 + n)
                                            + ") leaks at the group head & hisses. Descaled last week. Help?",
                                    senderId,
                                    senderId,
                                    sender,
                                    run,
                                    sender);
                    var bytes = body.getBytes(StandardCharsets.UTF_8);
                    var signature = "sha256="
                            + Base64.getEncoder().encodeToString(Webhooks.hmac("HmacSHA256", X_SECRET, bytes));
                    return HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("x-twitter-webhooks-signature", signature)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build();
                },
                r -> expect(r, 200, "\"received\":1"),
                r -> expect(r, 200, "\"duplicates\":1"));
    }

    // --- raw MIME over the e-mail webhook

    private Hook emailHook() {
        var prefix = "<wh-" + run + "-";
        var uri = URI.create("http://localhost:" + port + "/webhooks/email");
        return new Hook(
                "e-mail",
                "EMAIL",
                prefix,
                n -> {
                    int sender = n % SENDERS;
                    // every other pass over the senders answers the sender's previous mail
                    int parent = n >= SENDERS && (n / SENDERS) % 2 == 1 ? n - SENDERS : -1;
                    var mail = new StringBuilder()
                            .append("From: Bench Sender ")
                            .append(sender)
                            .append(" <wh-sender")
                            .append(sender)
                            .append('-')
                            .append(run)
                            .append("@senders.bench.example>\r\nTo: ")
                            .append(SUPPORT)
                            .append("\r\nSubject: ")
                            .append(parent >= 0 ? "Re: " : "")
                            .append("Dishwasher does not drain ")
                            .append(parent >= 0 ? parent : n)
                            .append("\r\nMessage-ID: ")
                            .append(prefix)
                            .append(n)
                            .append("@senders.bench.example>\r\n");
                    if (parent >= 0) {
                        mail.append("In-Reply-To: ")
                                .append(prefix)
                                .append(parent)
                                .append("@senders.bench.example>\r\n");
                    }
                    mail.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                            .append("Hello, my dishwasher (serial DW-")
                            .append(100_000 + n)
                            .append(") leaves water in the bottom after every programme.\r\n")
                            .append("The filter is clean and the hose is not kinked. It is three years old.\r\n")
                            .append("Can you help me, or tell me where to send it for repair? Thank you.\r\n");
                    var bytes = mail.toString().getBytes(StandardCharsets.UTF_8);
                    var signature =
                            "sha256=" + HexFormat.of().formatHex(Webhooks.hmac("HmacSHA256", EMAIL_SECRET, bytes));
                    return HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "message/rfc822")
                            .header("X-DirectLine-Signature", signature)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build();
                },
                r -> expect(r, 201, "\"duplicate\":false"),
                r -> expect(r, 200, "\"duplicate\":true"));
    }

    /** Null when the answer has this status and body text, else what is wrong with it. */
    private static String expect(HttpResponse<String> response, int status, String text) {
        if (response.statusCode() != status) {
            return "HTTP " + response.statusCode();
        }
        return response.body().replace(" ", "").contains(text) ? null : "HTTP " + status + " without " + text;
    }

    // --- the report

    private static String markdown(String database, List<ChannelRounds> results, double loadBefore, double loadAfter) {
        var out = new StringBuilder();
        out.append(BenchSupport.reportHeader(
                "Webhook intake benchmark",
                database,
                String.format(
                        Locale.ROOT,
                        "%d senders per channel; warm-up %d calls at concurrency 16 per channel",
                        SENDERS,
                        WARMUP),
                loadBefore,
                loadAfter));
        out.append('\n');
        out.append(
                "| Webhook | Events | Concurrency | Requests | Throughput (req/s) | p50 (ms) | p99 (ms) | Errors |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (var channel : results) {
            for (var r : Stream.concat(channel.levels().stream(), Stream.of(channel.duplicates()))
                    .toList()) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %d%s | %.1f | %.2f | %.2f | %d |%n",
                        channel.name(),
                        r == channel.duplicates() ? "duplicate" : "new",
                        r.concurrency(),
                        r.requests(),
                        r.cutShort() ? " (time limit)" : "",
                        r.throughput(),
                        r.p50(),
                        r.p99(),
                        r.errors()));
            }
        }
        return out.toString();
    }

    private static String svg(String database, List<ChannelRounds> results) {
        var colors = List.of("#3b6ea5", "#d08c2c", "#5a9e5a");
        var series = new ArrayList<BenchSupport.Series>();
        for (int i = 0; i < results.size(); i++) {
            var channel = results.get(i);
            series.add(new BenchSupport.Series(
                    channel.name() + " (new)",
                    colors.get(i % colors.size()),
                    channel.levels().stream().mapToDouble(Round::throughput).toArray()));
        }
        var duplicates = new StringBuilder("Duplicates at 16 clients:");
        for (var channel : results) {
            duplicates.append(String.format(
                    Locale.ROOT,
                    " %s %.0f req/s;",
                    channel.name(),
                    channel.duplicates().throughput()));
        }
        return BenchSupport.barChart(
                "Signed webhooks over HTTP: " + database,
                duplicates.substring(0, duplicates.length() - 1),
                "requests/s",
                "concurrent clients",
                java.util.Arrays.stream(LEVELS).mapToObj(String::valueOf).toList(),
                null,
                series);
    }
}
