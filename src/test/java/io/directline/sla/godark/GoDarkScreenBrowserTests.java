package io.directline.sla.godark;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.sla.Promises;
import io.directline.sla.clock.SlaWatchdog;
import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A supervisor opens the go-dark screen and sees an owner left waiting for six hours among the silent
 * cases, the headline figures and the incidents drawn as bars. The screens count every case of the
 * suite's shared database, so the test looks for its own case and for at least its own incidents. It
 * leaves screenshots of the screen at desktop and phone size in {@code target/screenshots/}.
 */
class GoDarkScreenBrowserTests extends ScreenTest {

    @Autowired
    Promises promises;

    @Autowired
    SlaWatchdog watchdog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSupervisorSeesWhoIsSilentNowAndTheIncidentsPerWeekAsBars() {
        var owner = people.owner("Greta");
        var agent = people.agent("Theo");
        var supervisor = people.supervisor("Sina", "support").username();
        var ownerVoice = new Actor(owner.username(), owner.name(), Channel.PORTAL);
        long caseId = cases.open(
                        new OpenCase(
                                owner.customerId(),
                                "Nobody answers about my recall appointment",
                                "I asked this morning and have heard nothing since.",
                                Channel.PORTAL,
                                Priority.NORMAL,
                                null,
                                null,
                                null),
                        ownerVoice)
                .getId();
        var promise = promises.record(
                caseId,
                "We call you back within the hour.",
                Instant.now().plus(Duration.ofHours(1)),
                agent.username(),
                new Actor(agent.username(), agent.displayName(), Channel.PORTAL));
        ownerWroteHoursAgo(caseId, 6);
        promiseFellDue(promise.getId());
        watchdog.sweep();

        var supervisorSees = browser().signIn(supervisor, People.PASSWORD);
        supervisorSees.clickToPage(By.linkText("Go-dark"));

        assertThat(supervisorSees.path()).isEqualTo("/supervisor/go-dark");
        assertThat(number(supervisorSees.text(By.cssSelector("#silent-now .figure-value"))))
                .isGreaterThanOrEqualTo(1);
        assertThat(supervisorSees.text(By.id("longest-silence")))
                .containsPattern("\\d+ (d|h)")
                .contains("DL-");
        assertThat(supervisorSees.text(By.id("promises-kept-broken")))
                .containsPattern("\\d+ kept · [1-9]\\d* broken")
                .contains("open now");

        var chart = supervisorSees.find(By.id("incidents-chart"));
        assertThat(chart.getText())
                .contains("Response breaches", "Broken promises", "Incidents", "Week starting (UTC)");
        var breachBars = supervisorSees.all(By.cssSelector("#incidents-chart rect.bar-breach.bar"));
        var brokenBars = supervisorSees.all(By.cssSelector("#incidents-chart rect.bar-broken.bar"));
        assertThat(breachBars).as("a bar of response breaches").isNotEmpty();
        assertThat(brokenBars).as("a bar of broken promises").isNotEmpty();
        assertThat(brokenBars.get(brokenBars.size() - 1).getRect().getHeight())
                .as("drawn, not just present")
                .isPositive();

        supervisorSees.fullPageScreenshot("desktop-go-dark-full");
        supervisorSees.resize(Browser.PHONE);
        assertThat(supervisorSees.horizontalOverflow())
                .as("scrolls sideways on a phone; past the right edge: %s", supervisorSees.elementsPastTheRightEdge())
                .isZero();
        supervisorSees.fullPageScreenshot("phone-go-dark-full");
        supervisorSees.resize(Browser.DESKTOP);

        var reference = SupportCase.reference(caseId);
        var row = supervisorSees.find(By.xpath("//table[@id='silent-cases']//tr[td/a[text()='" + reference + "']]"));
        assertThat(row.getText()).contains("6 h");
        supervisorSees.clickToPage(By.linkText(reference));
        assertThat(supervisorSees.path()).isEqualTo("/cases/" + caseId);
    }

    @Test
    void anAgentHasNoGoDarkScreen() {
        var agent = people.agent("Ivo");
        var agentSees = browser().signIn(agent.username(), People.PASSWORD);

        assertThat(agentSees.all(By.linkText("Go-dark"))).isEmpty();
        agentSees.go("/supervisor/go-dark");
        assertThat(agentSees.text(By.tagName("h1"))).isEqualTo("That page is not for your role");
        assertThat(agentSees.all(By.id("incidents-chart"))).isEmpty();
    }

    /** Moves the case's first-response clock back, as if the owner had written {@code hours} ago. */
    private void ownerWroteHoursAgo(long caseId, int hours) {
        var wrote = Instant.now().minus(Duration.ofHours(hours));
        var due = wrote.plus(Duration.ofHours(4)); // the standard policy's first-response target
        int moved = jdbc.update(
                "update sla_clock set started_at = ?, last_change = ?, due_at = ?, watch_at = ?"
                        + " where case_id = ? and kind = 'FIRST_RESPONSE'",
                utc(wrote),
                utc(wrote),
                utc(due),
                utc(due),
                caseId);
        assertThat(moved).as("the case's first-response clock").isEqualTo(1);
    }

    /** Makes a promise due a minute ago, for the watchdog to break. */
    private void promiseFellDue(long promiseId) {
        var past = Instant.now().minus(Duration.ofMinutes(1));
        assertThat(jdbc.update("update promise set due_at = ? where id = ?", utc(past), promiseId))
                .isEqualTo(1);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static long number(String text) {
        return Long.parseLong(text.strip());
    }
}
