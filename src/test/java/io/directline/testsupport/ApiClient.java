package io.directline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running test server, as an integration would call it. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String DEFAULT_ACCEPT = "application/json, application/problem+json";

    private final String base;
    private final String authorization;
    private final String accept;

    private ApiClient(String base, String authorization) {
        this(base, authorization, DEFAULT_ACCEPT);
    }

    private ApiClient(String base, String authorization, String accept) {
        this.base = base;
        this.authorization = authorization;
        this.accept = accept;
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    public static ApiClient basic(int port, String username, String password) {
        var token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient("http://localhost:" + port, "Basic " + token);
    }

    public static ApiClient bearer(int port, String token) {
        return new ApiClient("http://localhost:" + port, "Bearer " + token);
    }

    /** The same caller asking for other media types, such as {@code text/plain} or anything (as curl does). */
    public ApiClient accepting(String mediaTypes) {
        return new ApiClient(base, authorization, mediaTypes);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, json(body), "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, json(body), "application/json");
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, json(body), "application/json");
    }

    /** Sends a body exactly as given, for malformed input and other content types. */
    public Response send(String method, String path, String rawBody, String contentType) {
        return send(method, path, rawBody, contentType, Map.of());
    }

    /** Sends a body exactly as given, with extra request headers. */
    public Response send(String method, String path, String rawBody, String contentType, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", accept);
        request.method(
                method,
                rawBody == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file in a multipart form: the part's name, the file name the sender gives, its declared type and bytes. */
    public record FilePart(String name, String fileName, String contentType, byte[] content) {}

    /** POSTs a {@code multipart/form-data} form with text fields and files, as a browser or curl -F does. */
    public Response multipart(String path, Map<String, String> fields, java.util.List<FilePart> files) {
        return multipart(path, fields, files, Map.of());
    }

    /** {@link #multipart(String, Map, java.util.List)} with extra request headers. */
    public Response multipart(
            String path, Map<String, String> fields, java.util.List<FilePart> files, Map<String, String> headers) {
        var boundary = "----directline-test-" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        var crlf = "\r\n";
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + crlf
                        + "Content-Disposition: form-data; name=\"" + name + "\"" + crlf + crlf + value + crlf)
                .getBytes(StandardCharsets.UTF_8)));
        for (var file : files) {
            body.writeBytes(("--" + boundary + crlf
                            + "Content-Disposition: form-data; name=\"" + file.name() + "\"; filename=\""
                            + file.fileName() + "\"" + crlf + "Content-Type: " + file.contentType() + crlf + crlf)
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes(crlf.getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--" + crlf).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a file: the status, headers and the bytes as they came. */
    public HttpResponse<byte[]> download(String path) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    /** A response: status, headers and the body as JSON (empty node when there is none). */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return raw.body() == null || raw.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(raw.body());
        }

        public long id() {
            return json().get("id").asLong();
        }

        @Override
        public String toString() {
            return status() + " " + raw.body();
        }
    }
}
