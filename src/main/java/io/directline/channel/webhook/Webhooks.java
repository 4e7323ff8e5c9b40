package io.directline.channel.webhook;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What every provider webhook needs: the raw body (read with a size limit, since signatures are over
 * the exact bytes), HMACs, a constant-time comparison, and the refusals as problem details.
 */
public final class Webhooks {

    private Webhooks() {}

    /** The request body exactly as sent; a 413 problem when it is larger than {@code maxBytes}. */
    public static byte[] body(HttpServletRequest request, long maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared, maxBytes);
        }
        try (var in = request.getInputStream()) {
            var out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 64 * 1024)));
            var buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(total, maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HMAC of {@code message} with {@code key} (UTF-8), e.g. {@code HmacSHA256} or {@code HmacSHA1}. */
    public static byte[] hmac(String algorithm, String key, byte[] message) {
        try {
            var mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** Whether a signature the caller sent equals the expected one, in time independent of where they differ. */
    public static boolean sameSignature(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The name-value pairs of an {@code application/x-www-form-urlencoded} body, in their order. */
    public static List<Map.Entry<String, String>> form(byte[] body) {
        var pairs = new ArrayList<Map.Entry<String, String>>();
        var text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return pairs;
        }
        for (var part : text.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            var name = eq < 0 ? part : part.substring(0, eq);
            var value = eq < 0 ? "" : part.substring(eq + 1);
            try {
                pairs.add(Map.entry(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw malformed("The form body is not valid URL encoding.");
            }
        }
        return pairs;
    }

    public static ErrorResponseException unauthorized(String detail) {
        return problem(HttpStatus.UNAUTHORIZED, "Invalid signature", detail);
    }

    public static ErrorResponseException malformed(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed webhook", detail);
    }

    static ErrorResponseException tooLarge(long size, long maxBytes) {
        return problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Request too large",
                "The webhook body is at least " + size + " bytes; the limit is " + maxBytes + " bytes.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
