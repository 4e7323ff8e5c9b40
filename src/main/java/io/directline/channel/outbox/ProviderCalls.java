package io.directline.channel.outbox;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Outbound calls to a provider's REST API, and what their failures mean for the outbox. */
public final class ProviderCalls {

    private ProviderCalls() {}

    /** A client for one provider, with timeouts so a hanging provider cannot hold the dispatcher. */
    public static RestClient client(String baseUrl) {
        var http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: every provider speaks it, and a cleartext h2c upgrade (a stub, a proxy) can fail
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(30));
        return RestClient.builder()
                .baseUrl(stripSlash(baseUrl))
                .requestFactory(factory)
                .build();
    }

    /**
     * Runs a call; a 4xx answer other than 429 is a permanent failure (the provider refused this
     * message: retrying sends the same refusal), a 5xx, a 429 and a network failure are transient.
     */
    public static <T> T call(String provider, Supplier<T> call) throws DeliveryFailure {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            var status = e.getStatusCode();
            var reason = provider + " answered " + status.value() + ": " + abbreviate(e.getResponseBodyAsString());
            if (status.is4xxClientError() && status.value() != 429) {
                return permanentFailure(reason);
            }
            throw DeliveryFailure.transientFailure(reason, e);
        } catch (ResourceAccessException e) {
            throw DeliveryFailure.transientFailure(provider + " could not be reached: " + e.getMessage(), e);
        } catch (RestClientException e) {
            throw DeliveryFailure.transientFailure(provider + ": " + e.getMessage(), e);
        }
    }

    private static <T> T permanentFailure(String reason) throws DeliveryFailure {
        throw DeliveryFailure.permanent(reason);
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(no details)";
        }
        var oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 297) + "..." : oneLine;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
