package io.directline.experience.survey;

import static io.directline.testsupport.Keyboard.keys;
import static io.directline.testsupport.Keyboard.tabTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.escalation.EscalationFixtures;
import io.directline.testsupport.ScreenTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owner answers the survey from the link in the e-mail with the keyboard alone, no sign-in: the score they
 * clicked is chosen, the arrow keys change it, Enter sends it; the link then says it was answered, and an expired
 * link says the survey closed.
 */
class SurveyBrowserTests extends ScreenTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOwnerAnswersFromTheMailLinkWithTheKeyboardAloneAndTheLinkWorksOnce() {
        var owner = people.owner("Sofia");
        var token = Surveys.newToken();
        long survey = survey(owner.customerId(), token, Duration.ofDays(7));

        var browser = browser().go("/survey/" + token + "?score=4");
        assertThat(browser.find(By.id("score-4")).isSelected())
                .as("the score clicked in the mail")
                .isTrue();
        assertThat(score(survey)).as("opening the link records nothing").isNull();

        var chosen = tabTo(browser, e -> "score".equals(e.getAttribute("name")));
        assertThat(chosen.getAttribute("id")).isEqualTo("score-4");
        keys(browser, Keys.ARROW_RIGHT); // the next score in the row: 3
        assertThat(browser.find(By.id("score-3")).isSelected()).isTrue();
        tabTo(browser, e -> "send-answer".equals(e.getAttribute("id")));
        keys(browser, Keys.ENTER);
        browser.waitUntil(d -> browser.pageText().contains("We recorded your answer: 3"));
        assertThat(score(survey)).isEqualTo(3);

        browser.go("/survey/" + token + "?score=5");
        assertThat(browser.text(By.id("survey-closed"))).contains("You answered this survey before");
        assertThat(score(survey)).isEqualTo(3);

        var expired = Surveys.newToken();
        long old = survey(owner.customerId(), expired, Duration.ofDays(-1));
        browser.go("/survey/" + expired + "?score=5");
        assertThat(browser.text(By.id("survey-closed"))).contains("This survey has closed");
        assertThat(score(old)).isNull();
    }

    /** An open survey of the owner about a settled case of its own, its link expiring after {@code left}. */
    private long survey(long customerId, String token, Duration left) {
        long caseId = EscalationFixtures.oldCase(cases, customerId, Duration.ofDays(2));
        var now = Instant.now();
        jdbc.sql("insert into survey (customer_id, case_id, kind, channel, token_hash, sent_at, expires_at)"
                        + " values (:owner, :caseId, 'CSAT', 'EMAIL', :hash, :sent, :expires)")
                .param("owner", customerId)
                .param("caseId", caseId)
                .param("hash", Surveys.hash(token))
                .param("sent", Timestamp.from(now.minus(Duration.ofDays(1))))
                .param("expires", Timestamp.from(now.plus(left)))
                .update();
        return jdbc.sql("select id from survey where case_id = :caseId")
                .param("caseId", caseId)
                .query(Long.class)
                .single();
    }

    private Integer score(long survey) {
        return jdbc.sql("select score from survey where id = :id")
                .param("id", survey)
                .query((rs, n) -> (Integer) rs.getObject(1, Integer.class))
                .list()
                .get(0);
    }
}
