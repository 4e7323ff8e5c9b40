package io.directline.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request body over the limit: at once when its declared length is too large, and
 * while it is read when it comes without one (chunked), so no body of any size is buffered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** The API paths that take files: a case's attachments, and messages sent with files. */
    private static final java.util.regex.Pattern UPLOADS =
            java.util.regex.Pattern.compile("/api/v1/(me/)?cases/[0-9]{1,19}/(attachments|messages)");

    /** The API path that takes a CSV file of orders, streamed. */
    private static final String IMPORT = "/api/v1/orders/import";

    private final long maxRequestBytes;
    private final long maxUploadBytes;
    private final long maxImportBytes;

    RequestSizeLimitFilter(WebProperties properties) {
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
        this.maxUploadBytes = properties.maxUploadSize().toBytes();
        this.maxImportBytes = properties.maxImportSize().toBytes();
    }

    /** A multipart upload of files on a path that takes them gets the upload limit; any other body the request one. */
    private long limitFor(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && IMPORT.equals(request.getRequestURI())) {
            return Math.max(maxImportBytes, maxRequestBytes);
        }
        var type = request.getContentType();
        boolean upload = "POST".equals(request.getMethod())
                && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                && UPLOADS.matcher(request.getRequestURI()).matches();
        return upload ? Math.max(maxUploadBytes, maxRequestBytes) : maxRequestBytes;
    }

    /** Thrown by the body stream past the limit; {@link ProblemDetailsAdvice} answers it with 413. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long maxBytes) {
            super("The request body is larger than the limit of " + maxBytes + " bytes ("
                    + DataSize.ofBytes(maxBytes).toKilobytes() + " KiB).");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.getRequestURI().startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        long maxBytes = limitFor(request);
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
                            + "\"detail\":\"The request body is " + request.getContentLengthLong()
                            + " bytes; the limit is " + maxBytes + " bytes ("
                            + DataSize.ofBytes(maxBytes).toKilobytes()
                            + " KiB"
                            + (maxBytes == maxImportBytes
                                    ? ", directline.web.max-import-size"
                                    : maxBytes == maxUploadBytes ? ", directline.web.max-upload-size" : "")
                            + ").\"}");
            return;
        }
        chain.doFilter(new Bounded(request, maxBytes), response);
    }

    /** A request whose body stream fails once more than the limit has been read. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                var in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > maxBytes) {
                            throw new BodyTooLargeException(maxBytes);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
