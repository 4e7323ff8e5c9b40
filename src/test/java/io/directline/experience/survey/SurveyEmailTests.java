package io.directline.experience.survey;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.directline.channel.ChannelFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The survey after a resolution, over real SMTP (GreenMail) and HTTP (and the resolution on first contact counted): the owner gets one e-mail with one link per
 * score; opening a link records nothing (mail filters open links too); sending the chosen score records it once as a
 * good experience; a reused, forged or out-of-range answer records nothing; a second resolution within the survey gap
 * asks nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SurveyEmailTests {

    static final GreenMail MAIL = ChannelFixtures.startSupportMailbox();
    private static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{32})\\?score=5");

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("directline.channels.outbox.poll-interval", () -> "200ms");
    }

    @AfterAll
    static void stopMailServer() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void theOwnerAnswersByTheLinkInTheMailOnceAndItCountsAsAGoodExperience() {
        var admin = IdentityFixtures.admin(port);
        var agent = IdentityFixtures.staff(port, admin, "AGENT");
        var address = UniqueNames.unique("greta").toLowerCase() + "@owners.example";
        var registered = admin.post("/api/v1/customers", Map.of("name", "Greta Holm", "email", address));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        long owner = registered.id();
        long caseId = resolvedCase(agent, owner, "Rattle in the dashboard");

        var mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(address, "How did we do on"), m -> !m.isEmpty())
                .get(0);
        var text = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        assertThat(text).contains("Hello Greta").contains("How satisfied are you with how we handled DL-");
        var link = LINK.matcher(text);
        assertThat(link.find()).as("a one-click link for 5 in %s", text).isTrue();
        var token = link.group(1);

        // opening the link shows the question with the score chosen, and records nothing yet
        var anonymous = ApiClient.anonymous(port).accepting("text/html");
        var page = anonymous.get("/survey/" + token + "?score=5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("How satisfied are you with how we handled")
                .contains("id=\"score-5\"");
        assertThat(survey(agent, owner).path("answeredAt").isNull()).isTrue();

        var outOfRange = ApiClient.anonymous(port).post("/api/v1/survey-answers", Map.of("token", token, "score", 9));
        assertProblem(outOfRange, 400);
        assertThat(outOfRange.json().path("detail").asString()).contains("1 (very dissatisfied) to 5");
        assertThat(survey(agent, owner).path("answeredAt").isNull()).isTrue();

        var answered = ApiClient.anonymous(port).post("/api/v1/survey-answers", Map.of("token", token, "score", 5));
        assertThat(answered.status()).as("%s", answered).isEqualTo(201);
        assertThat(survey(agent, owner).path("score").asInt()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> hasEntry(
                        agent.get("/api/v1/customers/" + owner + "/experience").json(), "SURVEY", 1));
        assertThat(hasEntry(
                        agent.get("/api/v1/customers/" + owner + "/experience").json(), "FIRST_CONTACT_RESOLUTION", 1))
                .as("one answer and no follow-up: resolved on first contact")
                .isTrue();

        // reused and forged links record nothing and say so kindly
        assertProblem(
                ApiClient.anonymous(port).post("/api/v1/survey-answers", Map.of("token", token, "score", 1)), 409);
        var reused = ApiClient.anonymous(port).accepting("text/html").get("/survey/" + token + "?score=1");
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.body()).contains("You answered this survey before");
        var forged = ApiClient.anonymous(port).accepting("text/html").get("/survey/" + "A".repeat(32) + "?score=1");
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).contains("This link does not open a survey");
        assertThat(survey(agent, owner).path("score").asInt()).isEqualTo(5);

        // a second resolution within the survey gap asks nothing
        resolvedCase(agent, owner, "Squeaky brakes");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> agent.get("/api/v1/customers/" + owner + "/surveys")
                                .json()
                                .size()
                        == 1);
        assertThat(mailTo(address, "How did we do on")).hasSize(1);
        assertThat(survey(agent, owner).path("caseId").asLong()).isEqualTo(caseId);
    }

    private static long resolvedCase(ApiClient agent, long owner, String subject) {
        var opened = agent.post(
                "/api/v1/cases",
                Map.of("customerId", owner, "subject", subject, "body", "Please have a look.", "channel", "EMAIL"));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        long caseId = opened.id();
        var answered = agent.post(
                "/api/v1/cases/" + caseId + "/messages",
                Map.of("body", "Fixed: a loose clip, now fastened.", "visibility", "PUBLIC"));
        assertThat(answered.status()).as("%s", answered).isEqualTo(201);
        var resolved = agent.patch("/api/v1/cases/" + caseId, Map.of("status", "RESOLVED"));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        return caseId;
    }

    private static JsonNode survey(ApiClient agent, long owner) {
        var surveys = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> agent.get("/api/v1/customers/" + owner + "/surveys")
                                .json(),
                        s -> s.size() > 0);
        return surveys.get(surveys.size() - 1);
    }

    private static boolean hasEntry(JsonNode experience, String source, int sign) {
        for (var e : experience.path("entries").path("items")) {
            if (source.equals(e.path("source").asString()) && e.path("sign").asInt() == sign) {
                return true;
            }
        }
        return false;
    }

    private static List<MimeMessage> mailTo(String address, String subject) {
        return ChannelFixtures.mailTo(MAIL, address).stream()
                .filter(m -> {
                    try {
                        return m.getSubject() != null && m.getSubject().startsWith(subject);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
