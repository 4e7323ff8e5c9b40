package io.directline.escalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.ImportedCase;
import io.directline.cases.CaseManagement.ImportedMessage;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.escalation.office.EscalationRequests;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.web.ReportPeriod;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The escalation figures over a large history: {@code bench.report.attempts} attempts (default 100,000) and
 * {@code bench.report.escalations} escalations (50,000) spread over the last 120 days, inserted by batched JDBC,
 * then the 90-day report timed ({@code bench.report.rounds}, default 11, median reported) and a 7-day one. Then
 * the guard's decision on {@code bench.report.decisions} (default 200) owners' requests, half refused for too short
 * a reason, half let through and routed to an executive with the promise and the owner's notice — the service's
 * whole work, in process (no HTTP, no authentication).
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dtest=EscalationReportBenchmark} (H2 in file mode) or with
 * {@code -Ppostgres}. Asserts correctness only, never timing.
 */
@Tag("bench")
@SpringBootTest(properties = "directline.sla.watchdog-interval=1h")
class EscalationReportBenchmark {

    private static final long ID_BASE = 2_000_000_000_000L;
    private static final int ATTEMPTS = Integer.getInteger("bench.report.attempts", 100_000);
    private static final int ESCALATIONS = Integer.getInteger("bench.report.escalations", 50_000);
    private static final int ROUNDS = Integer.getInteger("bench.report.rounds", 11);
    private static final int DECISIONS = Integer.getInteger("bench.report.decisions", 200);
    private static final int OWNERS = 1_000;
    private static final String[] STATES = {"OPEN", "ANSWERED", "ANSWERED", "HANDED_BACK", "CLOSED"};
    private static final String[] RULES = {"cooldown", "quota", "fair-chance", "reason-length", "one-open-per-case"};

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "escalation-report");
    }

    @Autowired
    EscalationReport report;

    @Autowired
    EscalationRequests escalations;

    @Autowired
    CaseManagement cases;

    @Autowired
    UserManagement users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void theReportCountsInTheDatabase() throws Exception {
        boolean postgres = BenchSupport.onPostgres(dataSource);
        var now = Instant.now();
        long seedStart = System.nanoTime();
        seedOwnersAndCases(postgres, now);
        seedEscalations(now);
        seedAttempts(now);
        if (postgres) {
            jdbc.execute("analyze executive_escalation, escalation_attempt");
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        double loadBefore = BenchSupport.loadAverage();
        var ninety = time(
                () -> {
                    var end = Instant.now();
                    return report.figures(end.minus(ReportPeriod.DEFAULT_LENGTH), end);
                },
                figures -> {
                    assertThat(figures.requests()).isGreaterThanOrEqualTo(ATTEMPTS * 7L / 10);
                    assertThat(figures.firstResponse().median()).isNotNull();
                });
        var week = time(
                () -> report.figures(Instant.now().minus(Duration.ofDays(7)), Instant.now()),
                figures -> assertThat(figures.requests()).isPositive());
        var decisions = decide(now);
        double loadAfter = BenchSupport.loadAverage();

        var out = BenchSupport.reportHeader(
                "Escalation figures over " + String.format(Locale.ROOT, "%,d", ATTEMPTS) + " attempts and "
                        + String.format(Locale.ROOT, "%,d", ESCALATIONS) + " escalations",
                BenchSupport.describeDatabase(dataSource),
                ROUNDS + " reports per period, median reported; seeded in "
                        + String.format(Locale.ROOT, "%.1f s", seedSeconds),
                loadBefore,
                loadAfter);
        out.append("\n| what | median | min | max |\n|---|---|---|---|\n");
        row(out, "report, last 90 days (about 3/4 of the rows)", ninety);
        row(out, "report, last 7 days", week);
        out.append(String.format(
                Locale.ROOT,
                "%n| guard decision, in process | p50 | p95 | n |%n|---|---|---|---|%n"
                        + "| refused (reason-length) | %.1f ms | %.1f ms | %d |%n"
                        + "| allowed, routed with its promise | %.1f ms | %.1f ms | %d |%n",
                BenchSupport.percentile(decisions.refused(), 0.5),
                BenchSupport.percentile(decisions.refused(), 0.95),
                decisions.refused().length,
                BenchSupport.percentile(decisions.allowed(), 0.5),
                BenchSupport.percentile(decisions.allowed(), 0.95),
                decisions.allowed().length));
        BenchSupport.write("escalation-report.md", out);
        System.out.println(out);
    }

    /** Owners and one case each, set-based: the escalations' owners, then the owners who ask in the test. */
    private void seedOwnersAndCases(boolean postgres, Instant now) {
        var created = Timestamp.from(now.minus(Duration.ofDays(200)));
        int owners = OWNERS + DECISIONS;
        String series = postgres ? "generate_series(1, " + owners + ") as s(x)" : "system_range(1, " + owners + ")";
        jdbc.update(
                "insert into customer (id, name, name_key, preferred_channel, time_zone, created_at, updated_at)"
                        + " select x + ?, 'Bench Owner', 'bench owner', 'PORTAL', 'UTC', ?, ? from " + series,
                ID_BASE,
                created,
                created);
        jdbc.update(
                "insert into support_case (id, customer_id, subject, status, priority, channel, created_at,"
                        + " updated_at) select x + ?, x + ?, 'Bench case', 'OPEN', 'NORMAL', 'PORTAL', ?, ? from "
                        + series,
                ID_BASE,
                ID_BASE,
                created,
                created);
    }

    private void seedEscalations(Instant now) {
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < ESCALATIONS; i++) {
            long owner = ID_BASE + 1 + i % OWNERS;
            var requested = now.minus(Duration.ofMinutes((long) i * 120L * 24 * 60 / ESCALATIONS + 1));
            String state = STATES[i % STATES.length];
            boolean answered = state.equals("ANSWERED") || state.equals("HANDED_BACK");
            var due = requested.plus(Duration.ofHours(24));
            var firstResponse = answered ? requested.plus(Duration.ofMinutes(30 + (i * 37L) % 2_000)) : null;
            rows.add(new Object[] {
                ID_BASE + i,
                owner,
                owner,
                state,
                i % 17 == 0,
                i % 11 == 0,
                state.equals("CLOSED") && i % 2 == 0,
                Timestamp.from(requested),
                Timestamp.from(due),
                firstResponse == null ? null : Timestamp.from(firstResponse),
                firstResponse != null && firstResponse.isAfter(due)
            });
        }
        jdbc.batchUpdate(
                "insert into executive_escalation (id, case_id, customer_id, domain, executive, state, reason,"
                        + " company_failed, frivolous, refused, requested_at, approved_at, first_response_due,"
                        + " first_response_at, first_response_late, version) values (?, ?, ?, 'service',"
                        + " 'bench.exec', ?, 'A bench reason long enough to pass.', ?, ?, ?, ?, null, ?, ?, ?, 0)",
                rows,
                1_000,
                (ps, r) -> {
                    for (int c = 0; c < r.length; c++) {
                        ps.setObject(c + 1, r[c]);
                    }
                });
    }

    private void seedAttempts(Instant now) {
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < ATTEMPTS; i++) {
            long owner = ID_BASE + 1 + i % OWNERS;
            var at = now.minus(Duration.ofMinutes((long) i * 120L * 24 * 60 / ATTEMPTS + 1));
            boolean allowed = i % 2 == 0;
            rows.add(new Object[] {
                ID_BASE + i,
                owner,
                owner,
                Timestamp.from(at),
                allowed,
                allowed ? null : RULES[(i / 2) % RULES.length],
                allowed ? null : 429
            });
        }
        jdbc.batchUpdate(
                "insert into escalation_attempt (id, customer_id, case_id, at, allowed, refused_by, status,"
                        + " decisions) values (?, ?, ?, ?, ?, ?, ?, '[]')",
                rows,
                1_000,
                (ps, r) -> {
                    for (int c = 0; c < r.length; c++) {
                        ps.setObject(c + 1, r[c]);
                    }
                });
    }

    private record Timing(double median, double min, double max) {}

    private Timing time(
            java.util.function.Supplier<EscalationReport.Figures> run,
            java.util.function.Consumer<EscalationReport.Figures> check) {
        check.accept(run.get()); // warm-up, not counted
        var times = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            var figures = run.get();
            times[i] = (System.nanoTime() - start) / 1e6;
            check.accept(figures);
        }
        Arrays.sort(times);
        return new Timing(times[ROUNDS / 2], times[0], times[ROUNDS - 1]);
    }

    private record Decisions(double[] refused, double[] allowed) {}

    /** Each of the asking owners gets a case three days old, then asks once with too short a reason, once properly. */
    private Decisions decide(Instant now) {
        if (!users.exists("bench.exec")) {
            users.createUser(new NewUser(
                    "bench.exec", "bench-password", "Bench Executive", null, null, Set.of(Role.EXECUTIVE), null));
        }
        var openedAt = now.minus(Duration.ofDays(3));
        var imported = new ArrayList<ImportedCase>();
        for (int i = 0; i < DECISIONS; i++) {
            imported.add(new ImportedCase(
                    ID_BASE + OWNERS + 1 + i,
                    "Bench escalation " + i,
                    Channel.PORTAL,
                    Priority.NORMAL,
                    CaseStatus.OPEN,
                    null,
                    null,
                    Set.of(),
                    openedAt,
                    List.of(new ImportedMessage(Direction.INBOUND, "Owner", null, "Still waiting.", openedAt))));
        }
        var caseIds = cases.importCases(imported);
        var refused = new double[DECISIONS];
        var allowed = new double[DECISIONS];
        for (int i = 0; i < DECISIONS; i++) {
            long owner = ID_BASE + OWNERS + 1 + i;
            var actor = new Actor("bench.owner." + i, "Bench Owner", Channel.PORTAL);
            long start = System.nanoTime();
            var no = escalations.request(caseIds.get(i), owner, "Call me.", "service", null, actor);
            refused[i] = (System.nanoTime() - start) / 1e6;
            assertThat(no.decision().refusal().rule()).isEqualTo("reason-length");
            start = System.nanoTime();
            var yes = escalations.request(
                    caseIds.get(i), owner, "My car has been at the dealer for weeks.", "service", null, actor);
            allowed[i] = (System.nanoTime() - start) / 1e6;
            assertThat(yes.escalation()).isNotNull();
        }
        Arrays.sort(refused);
        Arrays.sort(allowed);
        return new Decisions(refused, allowed);
    }

    private static void row(StringBuilder out, String what, Timing t) {
        out.append(String.format(
                Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |%n", what, t.median(), t.min(), t.max()));
    }
}
