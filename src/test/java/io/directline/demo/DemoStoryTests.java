package io.directline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.DirectLineApplication;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.IsolatedDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What a newcomer sees at the first start of the demo, at its default size: a company that uses Direct Line
 * well. No owner has waited for an answer for days; the cases that ran late in the last minutes climbed the
 * ladder through the watchdog (supervisor and executive rungs, each with its notification); promises were kept,
 * broken and are still open; the executive office has its queue; a few deliveries slipped, and one owner had to
 * ask.
 */
class DemoStoryTests {

    /** Longer than any response target of the standard policy (4 h first, 8 h next): nobody waits for days. */
    private static final Duration LONGEST_SILENCE = Duration.ofDays(1);

    @Test
    void aNewcomerSeesACompanyThatAnswersAndWhoseLateCasesClimb() {
        try (var app = new SpringApplicationBuilder(DirectLineApplication.class).run(arguments())) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var executive = ApiClient.basic(port, "executive", "demo-story-password");
            var jdbc = app.getBean(JdbcTemplate.class);

            // the demo's late cases come due about a minute after the start; the watchdog climbs them
            try {
                await().atMost(Duration.ofSeconds(150))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> climbedCases(jdbc) >= 5 && brokenPromises(jdbc) >= 2);
            } finally {
                report(executive.get("/api/v1/reports/go-dark").json(), jdbc);
            }
            var goDark = executive.get("/api/v1/reports/go-dark").json();

            assertThat(goDark.get("silentNow").asLong())
                    .as("cases whose owner waits past the target")
                    .isLessThanOrEqualTo(10);
            if (goDark.get("longestSilence") != null
                    && !goDark.get("longestSilence").isNull()) {
                assertThat(Duration.parse(
                                goDark.get("longestSilence").get("silentFor").asString()))
                        .as("the longest silence")
                        .isLessThan(LONGEST_SILENCE);
            }
            assertThat(jdbc.queryForObject(
                            "select count(*) from sla_clock where breached_at is not null and case_id not in"
                                    + " (select case_id from case_escalation)",
                            Long.class))
                    .as("clocks breached without climbing the ladder")
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "select count(distinct case_id) from case_escalation where level = 1", Long.class))
                    .as("cases on the supervisor's rung")
                    .isGreaterThanOrEqualTo(3);
            assertThat(jdbc.queryForObject(
                            "select count(distinct case_id) from case_escalation where level = 2 and cause <> 'OWNER_REQUEST'",
                            Long.class))
                    .as("cases the ladder took to the executive office")
                    .isGreaterThanOrEqualTo(1);
            var promises = goDark.get("promises");
            assertThat(promises.get("kept").asLong()).as("kept promises").isGreaterThanOrEqualTo(5);
            assertThat(promises.get("broken").asLong()).as("broken promises").isGreaterThanOrEqualTo(2);
            assertThat(promises.get("open").asLong()).as("open promises").isGreaterThanOrEqualTo(3);
            assertThat(jdbc.queryForObject(
                            "select count(*) from executive_escalation where state in ('OPEN', 'PENDING_APPROVAL')",
                            Long.class))
                    .as("the executive office's queue")
                    .isEqualTo(4);
            assertThat(jdbc.queryForList(
                            "select distinct c.status from support_case c join customer o on o.id = c.customer_id"
                                    + " where o.id = (select customer_id from app_user where username = 'owner')",
                            String.class))
                    .as("the owner login's cases, one in every status")
                    .hasSize(6);

            // some deliveries slipped; each owner's personal notice is held for a broadcast, and one owner asked first
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> executive
                                    .get("/api/v1/reports/delays")
                                    .json()
                                    .path("hadToAsk")
                                    .asLong()
                            >= 1);
            assertThat(jdbc.queryForObject("select count(*) from journey_milestone where delayed = true", Long.class))
                    .as("delayed deliveries")
                    .isGreaterThanOrEqualTo(3);
            assertThat(jdbc.queryForObject(
                            "select count(*) from journey_delay_notice where status = 'HELD'", Long.class))
                    .as("their personal notices, held for a broadcast that may cover them")
                    .isGreaterThanOrEqualTo(3);

            // the broken promises and the late cases put their owners at risk, from the demo's own events
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            jdbc.queryForObject("select count(*) from owner_standing where at_risk = true", Long.class)
                                    >= 2);
            assertThat(jdbc.queryForObject("select count(*) from experience_entry where source = 'MANUAL'", Long.class))
                    .as("manual entries: the demo's standing comes from its events alone")
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "select count(*) from owner_standing where at_risk = true and value_at_risk > 0",
                            Long.class))
                    .as("owners at risk with their value at risk")
                    .isGreaterThanOrEqualTo(1);

            // service centers in real cities, dense in the North-East and California, sparse in the Mountain West
            assertThat(jdbc.queryForObject("select count(*) from service_center", Long.class))
                    .as("service centers")
                    .isBetween(40L, 80L);
            long northEast = jdbc.queryForObject(
                    "select count(*) from service_center where region in ('MA', 'RI', 'CT', 'NY', 'NJ', 'PA', 'NH', 'ME')",
                    Long.class);
            long mountains = jdbc.queryForObject(
                    "select count(*) from service_center where region in ('CO', 'UT', 'NM', 'ID', 'MT', 'WY', 'ND', 'SD',"
                            + " 'NE', 'KS', 'NV', 'AZ')",
                    Long.class);
            assertThat(northEast).as("the North-East is dense").isGreaterThan(mountains * 2);

            // and the coverage screen tells that story from the first start: the analysis ran in the background
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !executive
                            .get("/api/v1/reports/coverage")
                            .json()
                            .path("last")
                            .isNull());
            var coverage = executive.get("/api/v1/reports/coverage").json().path("last");
            assertThat(coverage.path("owners").asLong()).as("owners analysed").isGreaterThan(100);
            assertThat(coverage.path("sites")).as("proposed sites").hasSize(DemoCoverage.SITES);
            assertThat(coverage.path("clusters"))
                    .as("owners far from any center")
                    .isNotEmpty();
            assertThat(coverage.path("after").path("p90Miles").asDouble())
                    .as(
                            "p90 distance with the proposed sites, against %s miles without",
                            coverage.path("before").path("p90Miles"))
                    .isLessThan(coverage.path("before").path("p90Miles").asDouble());
        }
    }

    private static long climbedCases(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "select count(distinct case_id) from case_escalation where cause <> 'OWNER_REQUEST'", Long.class);
    }

    private static long brokenPromises(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from promise where status = 'BROKEN'", Long.class);
    }

    /** The figures in the test's output, for the README and the reviewer. */
    private static void report(JsonNode goDark, JdbcTemplate jdbc) {
        System.out.println(
                "DEMO STORY silentNow=" + goDark.get("silentNow") + " longest=" + goDark.get("longestSilence")
                        + " promises=" + goDark.get("promises") + " weeks=" + goDark.get("weeks"));
        System.out.println("DEMO STORY climbs="
                + jdbc.queryForList("select level, cause, count(*) as n from case_escalation group by level, cause"));
        System.out.println("DEMO STORY breachedWithoutClimb="
                + jdbc.queryForObject(
                        "select count(*) from sla_clock where breached_at is not null and case_id not in"
                                + " (select case_id from case_escalation)",
                        Long.class));
        System.out.println("DEMO STORY openCases="
                + jdbc.queryForList("select status, count(*) as n from support_case group by status"));
    }

    private static String[] arguments() {
        var properties = new ArrayList<String>();
        var schema = "demostory"
                + new Random()
                        .ints(8, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        IsolatedDatabase.properties(schema).forEach((name, value) -> properties.add(name + "=" + value));
        properties.add("directline.demo.enabled=true");
        properties.add("directline.demo.password=demo-story-password");
        properties.add("directline.sla.watchdog-interval=2s");
        properties.add("server.port=0");
        return properties.stream().map(p -> "--" + p).toArray(String[]::new);
    }
}
