package io.directline.channel.social;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.cases.DeliveryState;
import io.directline.channel.ChannelIntegrationTest;
import io.directline.customer.Channel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MastodonChannelTests extends ChannelIntegrationTest {

    static String mention(String notificationId, String statusId, String acct, String visibility, String replyTo) {
        return """
                {"id":"%s","type":"mention","created_at":"2026-11-22T10:00:00.000Z",
                 "account":{"id":"77","username":"%s","acct":"%s","display_name":"Sam"},
                 "status":{"id":"%s","created_at":"2026-11-22T10:00:00.000Z","in_reply_to_id":%s,
                  "visibility":"%s","content":"<p><span class=\\"h-card\\"><a href=\\"https://m.example/@support\\">@support</a></span> my kettle whistles</p>"}}""".formatted(
                notificationId, acct, acct, statusId, replyTo == null ? "null" : "\"" + replyTo + "\"", visibility);
    }

    private long caseOf(String acct) {
        var holder = new long[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var owner = customers.findByHandle(Channel.MASTODON, acct);
            assertThat(owner).isPresent();
            var found = cases.latestActiveCase(owner.get().getId());
            assertThat(found).isPresent();
            holder[0] = found.get();
        });
        return holder[0];
    }

    @Test
    void aPublicMentionBecomesAPublicCaseAndTheAnswerRepliesToIt() {
        var acct = unique("sam") + "@m.example";
        var statusId = uniqueDigits(18);
        var served = PROVIDERS.stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                .atPriority(1)
                .willReturn(okJson("[" + mention(uniqueDigits(9), statusId, acct, "public", null) + "]")));
        long caseId;
        try {
            caseId = caseOf(acct);
            // polled again and again, the mention still makes one message
            PROVIDERS.verify(getRequestedFor(urlPathEqualTo("/api/v1/notifications"))
                    .withQueryParam("types[]", equalTo("mention"))
                    .withHeader("Authorization", equalTo("Bearer mastodon-test-token")));
            await().pollDelay(Duration.ofMillis(700))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> true);
        } finally {
            PROVIDERS.removeStub(served);
        }
        assertThat(messages(caseId)).hasSize(1);
        assertThat(cases.get(caseId).isPublicThread()).isTrue();
        PROVIDERS.verify(
                getRequestedFor(urlPathEqualTo("/api/v1/notifications")).withQueryParam("since_id", matching("\\d+")));

        var ourStatus = uniqueDigits(19);
        PROVIDERS.stubFor(post(urlEqualTo("/api/v1/statuses"))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo(statusId)))
                .willReturn(okJson("{\"id\":\"" + ourStatus + "\",\"visibility\":\"public\"}")));
        long answerId = answer(caseId, "Descale it with citric acid, then it is quiet again.");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(cases.message(answerId).getDeliveryStatus()).isEqualTo(DeliveryState.SENT));
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer mastodon-test-token"))
                .withHeader("Idempotency-Key", matching("dl-.+"))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo(statusId)))
                .withRequestBody(matchingJsonPath("$.visibility", equalTo("public")))
                .withRequestBody(matchingJsonPath(
                        "$.status", equalTo("@" + acct + " Descale it with citric acid, then it is quiet again."))));
    }

    @Test
    void aDirectMentionIsAnsweredDirectly() {
        var acct = unique("robin");
        var statusId = uniqueDigits(18);
        var served = PROVIDERS.stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                .atPriority(1)
                .willReturn(okJson("[" + mention(uniqueDigits(9), statusId, acct, "direct", uniqueDigits(17)) + "]")));
        long caseId;
        try {
            caseId = caseOf(acct);
        } finally {
            PROVIDERS.removeStub(served);
        }
        assertThat(cases.get(caseId).isPublicThread()).isFalse();
        PROVIDERS.stubFor(post(urlEqualTo("/api/v1/statuses"))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo(statusId)))
                .willReturn(okJson("{\"id\":\"" + uniqueDigits(19) + "\"}")));
        long answerId = answer(caseId, "Your order number is on its way.");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(cases.message(answerId).getDeliveryStatus()).isEqualTo(DeliveryState.SENT));
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo(statusId)))
                .withRequestBody(matchingJsonPath("$.visibility", equalTo("direct"))));
    }
}
