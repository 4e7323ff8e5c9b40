package io.directline.channel.social;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.channel.ChannelIntegrationTest;
import io.directline.customer.Channel;
import io.directline.testsupport.Browser;
import io.directline.testsupport.ScreenClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An owner first met on X, by a public mention through X's signed webhook (so known only by their X account), gets
 * a long answer: the public reply is cut short and carries only the plain link to the case; the signed link goes to
 * them by direct message (X's API is WireMock, answering as X documents). In a real browser they follow the link,
 * claim their account with the code that reaches them by direct message, and read the whole answer. A used or
 * expired link gets the friendly page and grants nothing.
 */
class XOwnerClaimsAccountBrowserTests extends ChannelIntegrationTest {

    static final Pattern SIGNED_LINK =
            Pattern.compile("https://support\\.example\\.test(/login/owner/link\\?t=([A-Za-z0-9_-]{43}))");
    static final Pattern CODE = Pattern.compile("code is (\\d{6})");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    private final List<Browser> browsers = new java.util.ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    private Browser browser() {
        var browser = Browser.open(port);
        browsers.add(browser);
        return browser;
    }

    private void mentionUs(String tweetId, String userId, String handle, String text) throws Exception {
        var body = XChannelTests.mention(tweetId, userId, handle, text, null);
        var delivered = anonymous()
                .send(
                        "POST",
                        "/webhooks/x",
                        body,
                        "application/json",
                        Map.of(
                                "x-twitter-webhooks-signature",
                                "sha256=" + XSignatureTests.hmacSha256Base64(X_SECRET, body)));
        assertThat(delivered.status()).as("%s", delivered).isEqualTo(200);
    }

    /** The texts of the direct messages we sent to the X user, oldest first. */
    private static List<String> directMessagesTo(String userId) {
        return PROVIDERS
                .findAll(postRequestedFor(urlEqualTo("/2/dm_conversations/with/" + userId + "/messages")))
                .stream()
                .map(r -> JSON.readTree(r.getBodyAsString()).path("text").asString())
                .toList();
    }

    private static String awaitDirectMessage(String userId, Pattern pattern, int after) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> directMessagesTo(userId).stream()
                                .skip(after)
                                .map(pattern::matcher)
                                .filter(java.util.regex.Matcher::find)
                                .map(m -> m.group(0))
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
    }

    private static String digest(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anOwnerFirstMetOnXFollowsTheSignedLinkOfALongAnswerClaimsTheAccountWithACodeAndReadsTheCase()
            throws Exception {
        var userId = uniqueDigits(12);
        var handle = unique("robin");
        var tweetId = uniqueDigits(19);
        mentionUs(tweetId, userId, handle, "@directline my washing machine shakes the whole flat");
        var owner = customers.findByHandle(Channel.X, handle).orElseThrow();
        assertThat(owner.getEmail()).as("known only by the X account").isNull();
        assertThat(owner.getPhone()).isNull();
        long caseId = cases.latestActiveCase(owner.getId()).orElseThrow();

        PROVIDERS.stubFor(post(urlEqualTo("/2/tweets"))
                .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo(tweetId)))
                .willReturn(okJson("{\"data\":{\"id\":\"" + uniqueDigits(19) + "\",\"text\":\"...\"}}")));
        PROVIDERS.stubFor(post(urlEqualTo("/2/dm_conversations/with/" + userId + "/messages"))
                .willReturn(okJson("{\"data\":{\"dm_conversation_id\":\"" + userId + "-" + XChannelTests.OUR_ACCOUNT
                        + "\",\"dm_event_id\":\"" + uniqueDigits(18) + "\"}}")));

        var lastWords = "The technician levels the feet on Friday " + unique("");
        answer(caseId, "We checked the drum bearings of your machine and the spin settings. ".repeat(12) + lastWords);

        // the public reply: cut short, the plain link only
        var reply = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> PROVIDERS
                                .findAll(postRequestedFor(urlEqualTo("/2/tweets"))
                                        .withRequestBody(
                                                matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo(tweetId))))
                                .stream()
                                .map(r -> JSON.readTree(r.getBodyAsString())
                                        .path("text")
                                        .asString())
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
        assertThat(reply)
                .doesNotContain(lastWords)
                .doesNotContain("/login/owner/link")
                .endsWith("Full answer: https://support.example.test/portal/cases/" + caseId);

        // the signed link: by direct message
        var dm = awaitDirectMessage(userId, SIGNED_LINK, 0);
        var link = SIGNED_LINK.matcher(dm);
        assertThat(link.find()).isTrue();
        var path = link.group(1);
        var token = link.group(2);

        var robin = browser().go(path);
        assertThat(robin.text(By.tagName("h2"))).isEqualTo("Claim your account");
        assertThat(robin.text(By.id("where"))).contains("X account @" + handle);
        assertThat(io.directline.testsupport.Accessibility.seriousViolations(robin))
                .as("axe on the claim page")
                .isEmpty();
        int before = directMessagesTo(userId).size();
        robin.clickToPage(By.id("send-claim-code"));
        assertThat(robin.text(By.id("claim-code-sent"))).contains("X account @" + handle);
        assertThat(io.directline.testsupport.Accessibility.seriousViolations(robin))
                .as("axe on the code form")
                .isEmpty();

        var codeMessage = awaitDirectMessage(userId, CODE, before);
        var code = CODE.matcher(codeMessage).results().findFirst().orElseThrow().group(1);
        var wrong = code.equals("000000") ? "111111" : "000000";
        robin.type(By.id("claim-code"), wrong).clickToPage(By.id("claim-account"));
        assertThat(robin.text(By.id("problem"))).contains("This code is wrong, expired or already used");
        assertThat(robin.find(By.id("claim-code")).getDomProperty("value")).isEqualTo(wrong);

        robin.type(By.id("claim-code"), code).clickToPage(By.id("claim-account"));
        assertThat(robin.path()).isEqualTo("/portal/cases/" + caseId);
        robin.waitUntil(d -> robin.pageText().contains(lastWords));

        // the link is spent: whoever follows it again gets the friendly page and nothing else
        var stranger = browser().go(path);
        assertThat(stranger.text(By.id("link-spent"))).contains("This link has expired or was already used");
        assertThat(stranger.all(By.id("send-claim-code"))).isEmpty();
        stranger.go("/portal/cases/" + caseId);
        assertThat(stranger.path()).startsWith("/login");
        var replayed =
                ScreenClient.anonymous(port).post("/login/owner/link/code", Map.of("t", token, "code", code), path);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body()).contains("This link has expired or was already used");

        // an expired link of a later answer: the friendly page, no code sent, nothing granted
        answer(caseId, "One more thing about the feet of your machine. ".repeat(10) + unique("later"));
        var laterDm = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> directMessagesTo(userId).stream()
                                .map(SIGNED_LINK::matcher)
                                .filter(java.util.regex.Matcher::find)
                                .filter(m -> !m.group(2).equals(token))
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
        jdbc.sql("update owner_sign_in_code set expires_at = ? where link_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), digest(laterDm.group(2)))
                .update();
        var expired = browser().go(laterDm.group(1));
        assertThat(expired.text(By.id("link-spent"))).contains("This link has expired or was already used");
        var claimAnyway = ScreenClient.anonymous(port)
                .post("/login/owner/link/claim", Map.of("t", laterDm.group(2)), laterDm.group(1));
        assertThat(claimAnyway.body()).contains("This link has expired or was already used");
        var signInAnyway =
                ScreenClient.anonymous(port).post("/login/owner/link", Map.of("t", laterDm.group(2)), laterDm.group(1));
        assertThat(signInAnyway.status()).isEqualTo(200);
        assertThat(signInAnyway.body()).contains("This link has expired or was already used");
        assertThat(jdbc.sql("select count(*) from owner_sign_in_code where customer_id = ? and purpose = 'CLAIM'")
                        .param(owner.getId())
                        .query(Long.class)
                        .single())
                .as("no code was issued for the expired link")
                .isEqualTo(1);
    }
}
