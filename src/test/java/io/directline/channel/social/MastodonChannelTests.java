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

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.directline.cases.DeliveryState;
import io.directline.channel.ChannelIntegrationTest;
import io.directline.customer.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
                getRequestedFor(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", matching("\\d+")));

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

    @Autowired
    ChannelCursors cursors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MastodonPoller poller;

    @Test
    void aBurstLargerThanAPageArrivesWholeAndAPoisonMentionIsSkippedWithoutBlockingTheRest() {
        // 151 notifications between two polls, the 70th from an account no column can hold
        long base = 100_000_000L + (long) (Math.random() * 800_000_000L);
        int total = 151;
        int poison = 70;
        var run = unique("burst");
        var accts = new ArrayList<String>();
        var notifications = new ArrayList<String>();
        for (int i = 1; i <= total; i++) {
            var acct = i == poison ? "p" + "o".repeat(300) + run : run + "-" + i + "@m.example";
            accts.add(acct);
            notifications.add(mention(String.valueOf(base + i), uniqueDigits(18), acct, "public", null));
        }
        var stubs = new ArrayList<StubMapping>();
        // Mastodon's min_id: the page of up to 40 immediately newer than min_id, newest first
        for (int from = 0; from < total; from += 40) {
            var page = new ArrayList<>(notifications.subList(from, Math.min(total, from + 40)));
            Collections.reverse(page);
            stubs.add(PROVIDERS.stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                    .withQueryParam("min_id", equalTo(String.valueOf(base + from)))
                    .atPriority(1)
                    .willReturn(okJson("[" + String.join(",", page) + "]"))));
        }
        try {
            cursors.set(MastodonPoller.CURSOR, String.valueOf(base));

            await().atMost(Duration.ofSeconds(90))
                    .until(() -> cursors.get(MastodonPoller.CURSOR).orElse(""), equalToString(base + total));
            // and a few polls more: nothing arrives twice
            await().pollDelay(Duration.ofMillis(1000))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> true);
        } finally {
            stubs.forEach(PROVIDERS::removeStub);
        }
        int cases = 0;
        for (int i = 1; i <= total; i++) {
            var owner = customers.findByHandle(Channel.MASTODON, accts.get(i - 1));
            if (i == poison) {
                assertThat(owner).isEmpty();
                continue;
            }
            assertThat(owner).as("the owner of mention %s", i).isPresent();
            var caseId = this.cases.latestActiveCase(owner.get().getId());
            assertThat(caseId).as("the case of mention %s", i).isPresent();
            assertThat(messages(caseId.get())).as("messages of mention %s", i).hasSize(1);
            cases++;
        }
        assertThat(cases).isEqualTo(150);
        assertThat(jdbc.sql("select count(*) from skipped_inbound where channel = 'MASTODON' and external_id = ?")
                        .param(String.valueOf(base + poison))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(poller.health().getDetails()).containsKey("latestSkipped");
    }

    private static org.hamcrest.Matcher<String> equalToString(long value) {
        return org.hamcrest.Matchers.equalTo(String.valueOf(value));
    }
}
