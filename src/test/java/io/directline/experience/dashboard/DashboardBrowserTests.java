package io.directline.experience.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.customer.Channel;
import io.directline.experience.EntrySource;
import io.directline.experience.ledger.Ledger;
import io.directline.experience.ledger.NewEntry;
import io.directline.identity.Role;
import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An executive opens the dashboard: every figure is drawn as a chart with bars from real rows, its table beneath, and
 * its CSV file downloads with the same session, a header and the table's rows. The suite shares its database, so the
 * test adds at least one row to each figure of the last 90 days: a case answered in time through the services (SLA,
 * channels), standings through the ledger (owners at risk, balances), and a missed clock, a ladder climb, an owner who
 * had to ask, a survey and a recovery written as their tables keep them.
 */
class DashboardBrowserTests extends ScreenTest {

    /** Each figure's name (as in its CSV's path) and its CSV's header. */
    private static final List<List<String>> FIGURES = List.of(
            List.of("go-dark", "week_start,response_breaches,broken_promises,incidents"),
            List.of("sla", "week_start,clocks_met,clocks_missed,compliance_percent"),
            List.of("escalations", "week_start,ladder_climbs,executive_requests,frivolous"),
            List.of("at-risk", "value_at_risk_band,from_usd,below_usd,owners_at_risk,value_at_risk_usd"),
            List.of("recovery", "week_start,started,recovered,lapsed,open"),
            List.of(
                    "surveys",
                    "week_start,csat_answers,satisfied,csat_percent,nps_answers,promoters,passives,detractors,nps"),
            List.of("delays-told", "week_start,told_before_asking,had_to_ask,told_percent"),
            List.of("channels", "week_start,channel,cases_opened"),
            List.of("balance-histogram", "balance_bucket,lowest,highest,owners"));

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExecutiveSeesEveryFigureDrawnWithItsTableAndDownloadsEachCsv() {
        seedOneOfEachFigure();
        var executive = people.staff("Erin", Role.EXECUTIVE, null);
        var screen = browser().signIn(executive.username(), People.PASSWORD);
        screen.go("/");
        screen.clickToPage(By.id("nav-dashboard"));
        assertThat(screen.path()).startsWith("/supervisor/dashboard");
        assertThat(screen.text(By.tagName("h1"))).isEqualTo("Executive dashboard");

        for (var figure : FIGURES) {
            var name = figure.get(0);
            var section = screen.find(By.id(name));
            var chart = section.findElement(By.cssSelector("svg.chart"));
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(chart.findElements(By.cssSelector("rect.bar")))
                    .as("%s: bars drawn from the rows", name)
                    .isNotEmpty();
            var table = screen.find(By.id("table-" + name));
            assertThat(table.findElement(By.tagName("caption")).getText()).isNotBlank();
            int tableRows = table.findElements(By.cssSelector("tbody tr")).size();
            assertThat(tableRows).as("%s: its table", name).isPositive();

            var link = screen.find(By.id("csv-" + name));
            assertThat(link.getAttribute("download")).isNotNull();
            var download = fetch(screen.driver(), link.getAttribute("href"));
            assertThat(download.get(0)).as("%s: %s", name, download).isEqualTo(200L);
            assertThat((String) download.get(1)).startsWith("text/csv");
            assertThat((String) download.get(2)).startsWith("attachment").contains(name);
            var lines = ((String) download.get(3)).split("\r\n");
            assertThat(lines[0]).isEqualTo(figure.get(1));
            if (name.equals("channels")) {
                int weeks = screen.find(By.id("table-go-dark"))
                        .findElements(By.cssSelector("tbody tr"))
                        .size();
                assertThat(lines).as("a row per week and channel").hasSize(1 + weeks * tableRows);
            } else if (name.equals("at-risk")) {
                assertThat(lines)
                        .as("a row per band, without the table's total")
                        .hasSize(tableRows);
            } else {
                assertThat(lines).as("%s: a row per row of its table", name).hasSize(1 + tableRows);
            }
        }
        assertThat(screen.find(By.id("table-balance-histogram")).getText())
                .containsIgnoringCase("−24 or less")
                .containsIgnoringCase("12 or more");
        assertThat(Long.parseLong(screen.text(By.cssSelector("#headline-at-risk .figure-value"))))
                .isPositive();
        assertThat(screen.policyViolations()).isEmpty();
        screen.fullPageScreenshot("dashboard");

        screen.resize(Browser.PHONE);
        screen.go("/supervisor/dashboard");
        assertThat(screen.horizontalOverflow())
                .as("on a phone the page does not scroll sideways: %s", screen.elementsPastTheRightEdge())
                .isZero();
        assertThat(screen.find(By.id("chart-balance-histogram")).isDisplayed()).isTrue();
        screen.fullPageScreenshot("dashboard-phone");
    }

    /** Fetches a file as the page would, with the browser's session: status, type, disposition and text. */
    @SuppressWarnings("unchecked")
    private static List<Object> fetch(org.openqa.selenium.WebDriver driver, String url) {
        return (List<Object>) ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'})"
                                + ".then(r => r.text().then(t => done([r.status, r.headers.get('content-type'),"
                                + " r.headers.get('content-disposition'), t])))"
                                + ".catch(e => done(['failed', String(e)]));",
                        url);
    }

    private void seedOneOfEachFigure() {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var owner = people.owner("Dashboard");
        var agent = people.agent("Dashboard");
        // a case answered in time: a clock met, a case opened on the portal
        long caseId = people.caseWithConversation(owner, agent);
        cases.reply(caseId, "One more answer.", null, new Actor(agent.username(), agent.displayName(), Channel.PORTAL));
        // the owner at risk, and where the balances stand
        var bad = ledger.record(new NewEntry(
                        owner.customerId(),
                        EntrySource.MANUAL,
                        -1,
                        1,
                        caseId,
                        null,
                        "Dashboard: kept waiting",
                        "dashboard-browser:" + UUID.randomUUID(),
                        now.minus(Duration.ofDays(2)),
                        "test"))
                .orElseThrow();
        long policy =
                jdbc.sql("select min(id) from sla_policy").query(Long.class).single();
        long unique = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        // a first response answered past its target: a go-dark incident and a missed clock
        jdbc.sql("insert into sla_clock (id, case_id, kind, policy_id, state, target_millis, used_millis, started_at,"
                        + " last_change, breached_at, stopped_at, version)"
                        + " values (?, ?, 'NEXT_RESPONSE', ?, 'STOPPED', 14400000, 18000000, ?, ?, ?, ?, 0)")
                .params(
                        unique,
                        caseId,
                        policy,
                        Timestamp.from(now.minus(Duration.ofHours(6))),
                        Timestamp.from(now.minus(Duration.ofHours(1))),
                        Timestamp.from(now.minus(Duration.ofHours(2))),
                        Timestamp.from(now.minus(Duration.ofHours(1))))
                .update();
        jdbc.sql("insert into case_escalation (id, case_id, level, cause, reason, from_holder, to_holder, at)"
                        + " values (?, ?, 1, 'SLA_BREACH', 'Dashboard: answered late', ?, ?, ?)")
                .params(
                        unique,
                        caseId,
                        agent.username(),
                        agent.username(),
                        Timestamp.from(now.minus(Duration.ofHours(2))))
                .update();
        jdbc.sql("insert into journey_delay_ask (case_id, customer_id, order_ref, milestone, told, told_at, asked_at)"
                        + " values (?, ?, ?, 'DELIVERED', false, null, ?)")
                .params(unique, owner.customerId(), "DASH-" + unique, Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
        jdbc.sql("insert into survey (customer_id, case_id, kind, channel, sent_at, expires_at, answered_at, score,"
                        + " answered_on) values (?, ?, 'CSAT', 'EMAIL', ?, ?, ?, 2, 'EMAIL')")
                .params(
                        owner.customerId(),
                        unique,
                        Timestamp.from(now.minus(Duration.ofDays(1))),
                        Timestamp.from(now.plus(Duration.ofDays(13))),
                        Timestamp.from(now.minus(Duration.ofHours(3))))
                .update();
        var trigger = "DASH-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into recovery_playbook (name, trigger_source, enabled, apology, updated_by, updated_at)"
                        + " values (?, ?, false, true, 'test', ?)")
                .params("Dashboard " + trigger, trigger, Timestamp.from(now))
                .update();
        long playbook = jdbc.sql("select id from recovery_playbook where trigger_source = ?")
                .param(trigger)
                .query(Long.class)
                .single();
        jdbc.sql("insert into recovery (customer_id, case_id, playbook_id, entry_id, status, balance_at_start,"
                        + " started_at, ended_at) values (?, ?, ?, ?, 'RECOVERED', -12, ?, ?)")
                .params(
                        owner.customerId(),
                        caseId,
                        playbook,
                        bad.id(),
                        Timestamp.from(now.minus(Duration.ofDays(2))),
                        Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
    }
}
