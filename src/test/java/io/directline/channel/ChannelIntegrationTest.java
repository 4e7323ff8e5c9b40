package io.directline.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseMessage;
import io.directline.customer.CustomerManagement;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The channel adapters against stubs of the providers' APIs (one WireMock server, shared by every
 * channel test class so they share one application context), over real HTTP; e-mail through its signed
 * webhook.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "directline.channels.outbox.poll-interval=200ms",
            "directline.channels.webhook.max-size=64KB",
            "directline.channels.x.consumer-secret=" + ChannelIntegrationTest.X_SECRET,
            "directline.channels.x.bearer-token=x-test-bearer",
            "directline.channels.mastodon.access-token=mastodon-test-token",
            "directline.channels.mastodon.poll-interval=300ms",
            "directline.channels.sms.auth-token=" + ChannelIntegrationTest.SMS_TOKEN,
            "directline.channels.sms.account-sid=" + ChannelIntegrationTest.SMS_ACCOUNT,
            "directline.channels.sms.from-number=+15550009999",
            "directline.channels.phone.secret=" + ChannelIntegrationTest.PHONE_SECRET,
            "directline.channels.email.webhook-secret=" + ChannelIntegrationTest.EMAIL_SECRET,
            "directline.channels.email.authserv-id=" + ChannelIntegrationTest.AUTHSERV_ID,
            "directline.portal-url=https://support.example.test"
        })
public abstract class ChannelIntegrationTest {

    public static final String X_SECRET = "x-test-consumer-secret";
    public static final String SMS_TOKEN = "sms-test-auth-token";
    public static final String SMS_ACCOUNT = "AC0123456789";
    public static final String PHONE_SECRET = "phone-test-secret";
    public static final String EMAIL_SECRET = "email-test-secret";
    /** The id our mail server writes into its Authentication-Results header. */
    public static final String AUTHSERV_ID = "mx.directline.test";

    /** The providers' APIs: X, Mastodon and the SMS provider. */
    public static final WireMockServer PROVIDERS = start();

    private static WireMockServer start() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        // no new mentions unless a test serves some
        server.stubFor(
                get(urlPathEqualTo("/api/v1/notifications")).atPriority(10).willReturn(okJson("[]")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("directline.channels.x.api-base-url", PROVIDERS::baseUrl);
        registry.add("directline.channels.mastodon.base-url", PROVIDERS::baseUrl);
        registry.add("directline.channels.sms.api-base-url", PROVIDERS::baseUrl);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected CaseManagement cases;

    @Autowired
    protected CustomerManagement customers;

    protected ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    protected ApiClient admin() {
        return IdentityFixtures.admin(port);
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Digits only, unique enough for ids and phone numbers. */
    protected static String uniqueDigits(int length) {
        var digits = new StringBuilder();
        while (digits.length() < length) {
            digits.append(Long.toUnsignedString(UUID.randomUUID().getMostSignificantBits()));
        }
        return "9" + digits.substring(0, length - 1);
    }

    protected List<CaseMessage> messages(long caseId) {
        return cases.conversation(caseId, true);
    }

    /**
     * Sends the same request {@code times} times at once (as a provider that redelivers a webhook does) and
     * returns every response.
     */
    public static List<ApiClient.Response> inParallel(
            int times, java.util.function.Supplier<ApiClient.Response> request) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(times);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var futures = new java.util.ArrayList<java.util.concurrent.Future<ApiClient.Response>>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            var responses = new java.util.ArrayList<ApiClient.Response>();
            for (var future : futures) {
                responses.add(future.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Posts a public answer to the owner, as the admin, on the case's channel. */
    protected long answer(long caseId, String text) {
        var response = admin().post(
                        "/api/v1/cases/" + caseId + "/messages",
                        java.util.Map.of("body", text, "visibility", "PUBLIC"));
        if (response.status() != 201) {
            throw new AssertionError("answer: " + response);
        }
        return response.id();
    }
}
