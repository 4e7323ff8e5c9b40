package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A body sent without a declared length (chunked) is held to the same limit as one with it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestSizeLimitTests {

    @LocalServerPort
    int port;

    private HttpResponse<String> postChunked(String json) throws Exception {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers"))
                .version(HttpClient.Version.HTTP_1_1)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                // an input stream of unknown length goes out with Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWithA413Problem() throws Exception {
        var name = "x".repeat(3 * 1024 * 1024);
        var response =
                postChunked("{\"name\":\"" + name + "\",\"email\":\"big-" + UUID.randomUUID() + "@example.org\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("larger than the limit");
    }

    @Test
    void takesAChunkedBodyUnderTheLimit() throws Exception {
        var response =
                postChunked("{\"name\":\"Chunked Owner\",\"email\":\"chunked-" + UUID.randomUUID() + "@example.org\"}");
        assertThat(response.statusCode()).isEqualTo(201);
    }
}
