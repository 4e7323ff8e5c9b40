package io.directline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The screens over real HTTP, as a browser sends them without running scripts: a session cookie from signing in on
 * the login page, form posts with the session's CSRF token and the page they came from as {@code Referer}, and
 * redirects left for the test to see. One client is one person's browser.
 */
public final class ScreenClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private ScreenClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Nobody signed in; it still has a session and a CSRF token, as a browser on the login page does. */
    public static ScreenClient anonymous(int port) {
        var client = new ScreenClient(port);
        client.csrf = client.tokenOn("/login");
        return client;
    }

    /** Signed in on the login page with this username and password. */
    public static ScreenClient signedIn(int port, String username, String password) {
        var client = anonymous(port);
        var response = client.post("/login", Map.of("username", username, "password", password), "/login");
        assertThat(response.status()).as("sign-in of %s", username).isEqualTo(302);
        assertThat(response.location()).as("sign-in of %s", username).doesNotContain("/login");
        // the session changes at sign-in, and so does its token
        client.csrf = client.tokenOn("/login");
        return client;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts a form (with this session's CSRF token) from the page {@code from}. */
    public Response post(String path, Map<String, String> fields, String from) {
        var withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrf);
        return postRaw(path, form(withToken), from);
    }

    /** Posts a form body exactly as given, for fields a map cannot hold (the same name twice). */
    public Response postRaw(String path, String body, String from) {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (from != null) {
            request.header("Referer", base + from);
        }
        return send(request);
    }

    /** The session's CSRF token, for a raw body. */
    public String csrf() {
        return csrf;
    }

    /** The form body of these fields, URL-encoded. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private String tokenOn(String path) {
        var page = get(path);
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF token on %s", path).isTrue();
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(60)).header("Accept", "text/html");
        try {
            return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A response: status, where a redirect leads (its path), and the body. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        /** The path (and query) a redirect leads to, or null. */
        public String location() {
            return raw.headers()
                    .firstValue("Location")
                    .map(l -> {
                        var uri = URI.create(l);
                        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                    })
                    .orElse(null);
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            var body = raw.body() == null ? "" : raw.body();
            var query = raw.uri().getRawQuery() == null ? "" : "?" + raw.uri().getRawQuery();
            return raw.request().method() + " " + raw.uri().getRawPath()
                    + query.substring(0, Math.min(query.length(), 80)) + " → " + status()
                    + (location() == null ? "" : " to " + location()) + " "
                    + body.substring(0, Math.min(body.length(), 300)).replaceAll("\\s+", " ");
        }
    }
}
