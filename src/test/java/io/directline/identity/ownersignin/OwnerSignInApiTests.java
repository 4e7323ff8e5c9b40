package io.directline.identity.ownersignin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.directline.channel.ChannelFixtures;
import io.directline.channel.ChannelIntegrationTest;
import io.directline.testsupport.ApiClient;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Owners sign in without a password over real HTTP: a code by e-mail (GreenMail receives it) or SMS (the SMS
 * provider's API, WireMock, receives it), used once; the same answer for known and unknown handles; rate limits
 * per handle and per client address. The address limit runs last: every test here shares one client address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnerSignInApiTests extends ChannelIntegrationTest {

    static final GreenMail MAIL = ChannelFixtures.startSupportMailbox();
    static final Pattern CODE = Pattern.compile("code is (\\d{6})");
    static final int PER_ADDRESS = 40;

    @DynamicPropertySource
    static void mailAndLimits(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("directline.channels.email.address", () -> ChannelFixtures.SUPPORT_ADDRESS);
        registry.add("directline.identity.owner-sign-in.max-requests-per-address", () -> PER_ADDRESS);
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    private long registerOwner(String email, String phone) {
        var details = new HashMap<String, Object>();
        details.put("name", "Signin Owner " + unique(""));
        if (email != null) {
            details.put("email", email);
        }
        if (phone != null) {
            details.put("phone", phone);
        }
        var response = admin().post("/api/v1/customers", details);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.id();
    }

    private ApiClient.Response ask(String handle) {
        return anonymous().post("/api/v1/owner-sign-in/codes", Map.of("handle", handle));
    }

    private ApiClient.Response trade(String handle, String code) {
        return anonymous().post("/api/v1/owner-sign-in/tokens", Map.of("handle", handle, "code", code));
    }

    /** The code in the newest mail to {@code address}. */
    private String mailedCode(String address) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> Arrays.stream(MAIL.getReceivedMessages())
                                .filter(m -> to(m, address))
                                .map(GreenMailUtil::getBody)
                                .map(body -> body.replace("=\r\n", ""))
                                .map(CODE::matcher)
                                .filter(java.util.regex.Matcher::find)
                                .map(m -> m.group(1))
                                .reduce((first, second) -> second)
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    @Test
    @Order(1)
    void anOwnerSignsInWithTheCodeMailedToThemOnceAndHasNoPasswordToKnow() {
        var email = unique("anna") + "@owners.example";
        long customerId = registerOwner(email, null);

        var asked = ask(email.toUpperCase());
        assertThat(asked.status()).as("%s", asked).isEqualTo(202);
        var code = mailedCode(email);

        var signedIn = trade(email, code);
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(201);
        assertThat(signedIn.json().path("customerId").asLong()).isEqualTo(customerId);
        var me =
                ApiClient.bearer(port, signedIn.json().path("token").asString()).get("/api/v1/me");
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json().path("customerId").asLong()).isEqualTo(customerId);
        assertThat(me.json().path("handles").toString()).contains(email);

        var again = trade(email, code);
        assertProblem(again, 401);
        assertThat(again.json().path("detail").asString()).contains("already used");
    }

    @Test
    @Order(2)
    void anOwnerSignsInWithTheCodeSentToTheirPhone() {
        PROVIDERS.stubFor(post(urlEqualTo(SMS_MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM" + uniqueDigits(10) + "\",\"status\":\"queued\"}")));
        var phone = "+41" + uniqueDigits(9);
        long customerId = registerOwner(null, phone);

        assertThat(ask(phone).status()).isEqualTo(202);
        var code = await().atMost(Duration.ofSeconds(20)).until(() -> smsCodeTo(phone), java.util.Objects::nonNull);

        var signedIn = trade(phone, code);
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(201);
        assertThat(signedIn.json().path("customerId").asLong()).isEqualTo(customerId);
    }

    static final String SMS_MESSAGES = "/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Messages.json";

    private String smsCodeTo(String phone) {
        var encodedTo = "To=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8);
        return PROVIDERS
                .findAll(postRequestedFor(urlEqualTo(SMS_MESSAGES)).withRequestBody(containing(encodedTo)))
                .stream()
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                .map(CODE::matcher)
                .filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElse(null);
    }

    @Test
    @Order(3)
    void knownAndUnknownHandlesGetTheSameAnswer() {
        var known = unique("known") + "@owners.example";
        registerOwner(known, null);
        var unknown = unique("nobody") + "@owners.example";

        var forKnown = ask(known);
        var forUnknown = ask(unknown);
        assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(forUnknown.contentType()).isEqualTo(forKnown.contentType());

        var notAHandle = ask("not a handle");
        assertProblem(notAHandle, 400);
        assertThat(notAHandle.json().path("detail").asString()).contains("neither an e-mail address nor a phone");
    }

    @Test
    @Order(4)
    void wrongCodesLockTheCode() {
        var email = unique("guess") + "@owners.example";
        registerOwner(email, null);
        assertThat(ask(email).status()).isEqualTo(202);
        var code = mailedCode(email);
        var wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertProblem(trade(email, wrong), 401);
        }
        assertProblem(trade(email, code), 401);
    }

    @Test
    @Order(5)
    void askingTooOftenForOneHandleIsRefusedAlikeForKnownAndUnknownHandles() {
        var known = unique("often") + "@owners.example";
        registerOwner(known, null);
        var unknown = unique("oftennobody") + "@owners.example";
        for (var handle : new String[] {known, unknown}) {
            for (int i = 0; i < 3; i++) {
                assertThat(ask(handle).status()).as("ask %d for %s", i, handle).isEqualTo(202);
            }
            var refused = ask(handle);
            assertProblem(refused, 429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        }
    }

    static final Pattern SIGNED_LINK =
            Pattern.compile("https://support\\.example\\.test(/login/owner/link\\?t=([A-Za-z0-9_-]{43}))");

    @Test
    @Order(6)
    void anOwnerFirstMetBySmsFollowsTheLinkOfALongAnswerOnceAndReadsTheWholeCase() throws Exception {
        PROVIDERS.stubFor(post(urlEqualTo(SMS_MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM" + uniqueDigits(10) + "\",\"status\":\"queued\"}")));
        var from = "+1" + uniqueDigits(10);
        var params = new java.util.TreeMap<String, String>(Map.of(
                "MessageSid",
                "SM" + uniqueDigits(12),
                "AccountSid",
                SMS_ACCOUNT,
                "From",
                from,
                "To",
                "+15550009999",
                "Body",
                "My heat pump is loud at night"));
        var url = new StringBuilder("http://localhost:" + port + "/webhooks/sms");
        params.forEach((k, v) -> url.append(k).append(v));
        var mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(SMS_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        var signature = java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal(url.toString().getBytes(StandardCharsets.UTF_8)));
        var form = params.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        var delivered = anonymous()
                .accepting("*/*")
                .send(
                        "POST",
                        "/webhooks/sms",
                        form,
                        "application/x-www-form-urlencoded",
                        Map.of("X-Twilio-Signature", signature));
        assertThat(delivered.status()).as("%s", delivered).isEqualTo(200);
        var owner =
                customers.findByHandle(io.directline.customer.Channel.SMS, from).orElseThrow();
        assertThat(owner.isVerified())
                .as("an owner first met by SMS proves nothing yet")
                .isFalse();
        long caseId = cases.latestActiveCase(owner.getId()).orElseThrow();

        var lastWords = "The engineer brings the quieter fan on Thursday " + unique("");
        answer(caseId, "We looked at the logs of your heat pump. ".repeat(45) + lastWords);
        var encodedTo = "To=" + java.net.URLEncoder.encode(from, StandardCharsets.UTF_8);
        var posted = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> PROVIDERS
                                .findAll(postRequestedFor(urlEqualTo(SMS_MESSAGES))
                                        .withRequestBody(containing(encodedTo)))
                                .stream()
                                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
        assertThat(posted).doesNotContain(lastWords);
        var link = SIGNED_LINK.matcher(posted);
        assertThat(link.find())
                .as("the answer ends with a signed link: %s", posted)
                .isTrue();

        var browser = io.directline.testsupport.ScreenClient.anonymous(port);
        var page = browser.get(link.group(1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .as("an owner with no login yet is offered to claim the account")
                .contains("Claim your account")
                .contains("by SMS to your phone number ending in " + from.substring(from.length() - 2));
        var linkAlone = browser.post("/login/owner/link", Map.of("t", link.group(2)), link.group(1));
        assertThat(linkAlone.status()).isEqualTo(200);
        assertThat(linkAlone.body()).contains("Claim your account");
        var sent = browser.post("/login/owner/link/claim", Map.of("t", link.group(2)), link.group(1));
        assertThat(sent.body()).contains("We sent a code");
        var code = await().atMost(Duration.ofSeconds(20)).until(() -> smsCodeTo(from), java.util.Objects::nonNull);
        var followed = browser.post("/login/owner/link/code", Map.of("t", link.group(2), "code", code), link.group(1));
        assertThat(followed.status()).as("%s", followed).isEqualTo(302);
        assertThat(followed.location()).isEqualTo("/portal/cases/" + caseId);
        var theCase = browser.get("/portal/cases/" + caseId);
        assertThat(theCase.status()).as("%s", theCase).isEqualTo(200);
        assertThat(theCase.body()).contains(lastWords);

        var stranger = io.directline.testsupport.ScreenClient.anonymous(port);
        var reused = stranger.post("/login/owner/link", Map.of("t", link.group(2)), link.group(1));
        assertThat(reused.status()).isEqualTo(200);
        assertThat(reused.body()).contains("This link has expired or was already used");
        var forged = link.group(2).substring(0, 42) + (link.group(2).endsWith("A") ? "B" : "A");
        assertThat(stranger.post("/login/owner/link", Map.of("t", forged), "/login/owner/link")
                        .body())
                .contains("This link has expired or was already used");
        assertThat(stranger.get("/portal/cases/" + caseId).location())
                .as("nothing was granted")
                .isEqualTo("/login");
    }

    @Test
    @Order(7)
    void anOwnerAddsAnEmailAddressProvesItWithItsCodeAndSignsInWithItLater() {
        var owner = io.directline.customer.CustomerFixtures.owner(port, admin(), "Handle Adder");
        var added = unique("second") + "@owners.example";

        var unknownKind = owner.client().post("/api/v1/me/handles", Map.of("kind", "FAX", "value", "1234567"));
        assertThat(assertProblem(unknownKind, 400).path("detail").asString()).contains("EMAIL, PHONE, X, MASTODON");
        var taken = unique("taken") + "@owners.example";
        registerOwner(taken, null);
        long takenBy = customers.findByEmail(taken).orElseThrow().getId();
        var ofAnother = owner.client().post("/api/v1/me/handles", Map.of("kind", "EMAIL", "value", taken));
        assertThat(assertProblem(ofAnother, 409).path("detail").asString())
                .contains("is already on another account with us")
                .contains("our staff will check whether both are yours")
                .doesNotContain("owner " + takenBy)
                .doesNotContain("belongs to");
        assertThat(ofAnother.json().has("existingCustomerId")).isFalse();
        var suggestions = admin().get("/api/v1/customers/" + owner.customerId() + "/merge-suggestions");
        assertThat(suggestions.json().toString())
                .as("staff are asked to look at the two owners; nothing was merged")
                .contains("\"otherId\":" + takenBy)
                .contains(taken);
        assertThat(customers.get(takenBy).getMergedInto()).isNull();

        var response = owner.client().post("/api/v1/me/handles", Map.of("kind", "EMAIL", "value", added));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(response.json().path("verified").asBoolean()).isFalse();
        long handleId = response.json().path("id").asLong();
        assertThat(ask(added).status()).isEqualTo(202);
        var code = mailedCode(added);
        var wrong = code.equals("000000") ? "111111" : "000000";
        var path = "/api/v1/me/handles/" + handleId + "/verify";
        assertProblem(owner.client().post(path, Map.of("code", wrong)), 400);
        assertProblem(
                trade(added, code), 401); // a code for adding a handle never signs anyone in, nor does an unproven one
        var proven = owner.client().post(path, Map.of("code", code));
        assertThat(proven.status()).as("%s", proven).isEqualTo(200);
        assertThat(proven.json().path("verified").asBoolean()).isTrue();

        assertThat(ask(added).status()).isEqualTo(202);
        var signInCode = await().atMost(Duration.ofSeconds(20)).until(() -> mailedCode(added), c -> !c.equals(code));
        var signedIn = trade(added, signInCode);
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(201);
        assertThat(signedIn.json().path("customerId").asLong()).isEqualTo(owner.customerId());
    }

    @Test
    @Order(8)
    void onTheSettingsPageAnOwnerAddsAnAddressAndProvesItAndABadOneComesBackWithItsSentenceAndWhatWasTyped() {
        long customerId = registerOwner(unique("screen") + "@owners.example", null);
        var username = io.directline.identity.IdentityFixtures.createLogin(admin(), "OWNER", customerId);
        var screen = io.directline.testsupport.ScreenClient.signedIn(
                port, username, io.directline.identity.IdentityFixtures.PASSWORD);
        var settings = "/portal/settings";

        var notAHandle = screen.post("/portal/settings/handles", Map.of("handle", "call me maybe"), settings);
        assertThat(notAHandle.status()).as("%s", notAHandle).isEqualTo(302);
        var page = screen.get(settings).body();
        assertThat(page)
                .contains("&#39;call me maybe&#39; is neither an e-mail address nor a phone number")
                .contains("value=\"call me maybe\"");

        var taken = unique("elsewhere") + "@owners.example";
        registerOwner(taken, null);
        screen.post("/portal/settings/handles", Map.of("handle", taken), settings);
        page = screen.get(settings).body();
        assertThat(page).contains("is already on another account with us").contains("value=\"" + taken + "\"");
        assertThat(admin().get("/api/v1/customers/" + customerId + "/merge-suggestions")
                        .body())
                .contains(taken);

        var added = unique("extra") + "@owners.example";
        screen.post("/portal/settings/handles", Map.of("handle", added), settings);
        page = screen.get(settings).body();
        assertThat(page).contains("We sent a code to " + added);
        var code = mailedCode(added);
        var handles = io.directline.identity.IdentityFixtures.signIn(port, username)
                .get("/api/v1/me")
                .json()
                .path("handles");
        var handleId = java.util.stream.StreamSupport.stream(handles.spliterator(), false)
                .filter(h -> h.path("value").asString().equals(added))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        var verify = "/portal/settings/handles/" + handleId + "/verify";
        var wrong = code.equals("000000") ? "111111" : "000000";
        screen.post(verify, Map.of("code", wrong), settings);
        page = screen.get(settings).body();
        assertThat(page).contains("This code is wrong, expired or already used").contains("value=\"" + wrong + "\"");

        screen.post(verify, Map.of("code", code), settings);
        page = screen.get(settings).body();
        assertThat(page).contains(added + " is verified");
        assertThat(page.substring(page.indexOf("id=\"handle-" + handleId + "\"")))
                .as("the row of the new address")
                .contains("<span>verified</span>");
    }

    @Test
    @Order(100)
    void oneAddressAskingForManyHandlesIsRefusedAfterItsLimit() {
        var known = unique("late") + "@owners.example";
        registerOwner(known, null);
        ApiClient.Response last = null;
        for (int i = 0; i <= PER_ADDRESS; i++) {
            last = ask(unique("spray") + "@owners.example");
            if (last.status() == 429) {
                break;
            }
        }
        assertProblem(last, 429);
        assertThat(last.header("Retry-After")).isNotBlank();
        assertProblem(ask(known), 429);
    }
}
