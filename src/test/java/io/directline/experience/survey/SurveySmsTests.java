package io.directline.experience.survey;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.cases.CaseStatus;
import io.directline.channel.ChannelIntegrationTest;
import io.directline.channel.sms.SmsChannelTests;
import io.directline.identity.IdentityFixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An owner who writes by SMS answers the survey with one digit: the answer is recorded once (the provider's retry of
 * the same message changes nothing), the resolved case stays resolved (a "2" is no new problem), and a poor score
 * starts the "Poor survey answer" recovery with a supervisor's callback on the case.
 */
class SurveySmsTests extends ChannelIntegrationTest {

    static final String MESSAGES = "/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Messages.json";

    @Test
    void aDigitBySmsAnswersTheSurveyOnceWithoutReopeningTheCaseAndAPoorOneStartsARecovery() throws Exception {
        var from = "+1" + uniqueDigits(10);
        var first = SmsChannelTests.deliver(port, sms(from, "My charging cable is stuck in the port."));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        long caseId = await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.findReceived(io.directline.customer.Channel.SMS, lastSid), m -> m.isPresent())
                .get()
                .getCaseId();
        var supportCase = cases.get(caseId);
        long owner = supportCase.getCustomerId();

        var agent = IdentityFixtures.staff(port, admin(), "AGENT");
        IdentityFixtures.createLogin(admin(), "SUPERVISOR", null); // who calls the owner back
        answer(caseId, "Press the unlock button twice; the cable comes free.");
        var resolved = agent.patch("/api/v1/cases/" + caseId, Map.of("status", "RESOLVED"));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);

        // the question goes out by SMS, with the scale in words
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> PROVIDERS.verify(postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(containing(URLEncoder.encode(from, StandardCharsets.UTF_8)))
                        .withRequestBody(containing("Reply+with+one+number"))));

        var digit = sms(from, " 2 ");
        var answered = SmsChannelTests.deliver(port, digit);
        assertThat(answered.status()).as("%s", answered).isEqualTo(200);
        var again = SmsChannelTests.deliver(port, digit);
        assertThat(again.status()).isEqualTo(200);

        var surveys = agent.get("/api/v1/customers/" + owner + "/surveys").json();
        assertThat(surveys).hasSize(1);
        assertThat(surveys.get(0).path("score").asInt()).isEqualTo(2);
        assertThat(surveys.get(0).path("answeredOn").asString()).isEqualTo("sms");
        assertThat(cases.get(caseId).getStatus())
                .as("the digit reopens nothing")
                .isEqualTo(CaseStatus.RESOLVED);
        assertThat(messages(caseId).stream().filter(m -> m.getBody().strip().equals("2")))
                .as("the digit is no message on the case")
                .isEmpty();

        var recovery = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> agent.get("/api/v1/cases/" + caseId + "/recovery")
                                .json()
                                .path("recoveries"),
                        r -> r.size() == 1)
                .get(0);
        assertThat(recovery.path("playbookName").asString()).isEqualTo("Poor survey answer");
        assertThat(recovery.path("callbackPromiseId").asLong()).isPositive();
        // the playbook apologises by SMS with the honest cause and the callback
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> PROVIDERS.verify(postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(containing(URLEncoder.encode(from, StandardCharsets.UTF_8)))
                        .withRequestBody(containing(URLEncoder.encode(
                                "We are sorry: you told us we did not handle your case on " + supportCase.reference()
                                        + " well. A supervisor will call you back.",
                                StandardCharsets.UTF_8)))));
    }

    private String lastSid;

    private Map<String, String> sms(String from, String text) {
        lastSid = "SM" + unique("");
        return Map.of(
                "MessageSid", lastSid,
                "AccountSid", SMS_ACCOUNT,
                "From", from,
                "To", "+15550009999",
                "Body", text);
    }
}
