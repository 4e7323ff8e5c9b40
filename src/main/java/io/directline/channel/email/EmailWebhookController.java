package io.directline.channel.email;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/email}: a mail provider (or relay) hands over one raw message, signed with the
 * shared secret: {@code X-DirectLine-Signature: sha256=<hex HMAC-SHA256 of the body>}. Answers 201 for a
 * message taken in (a new case or an answer on one), 200 for one that arrived before (same case), 202
 * for mail no person wrote (ignored), 401 for a missing or wrong signature (nothing is stored), 400 for
 * a message that cannot be read and 413 for one over the size limit.
 */
@RestController
class EmailWebhookController {

    static final String SIGNATURE = "X-DirectLine-Signature";

    private final EmailIntake intake;
    private final EmailProperties properties;

    EmailWebhookController(EmailIntake intake, EmailProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @PostMapping(
            path = "/webhooks/email",
            consumes = {"message/rfc822", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<?> receive(
            @RequestHeader(name = SIGNATURE, required = false) String signature, HttpServletRequest request)
            throws IOException {
        long max = intake.maxMessageSize();
        if (request.getContentLengthLong() > max) {
            return tooLarge(intake.tooLarge(request.getContentLengthLong()));
        }
        var body = readAtMost(request.getInputStream(), max);
        if (body == null) {
            return tooLarge(intake.tooLarge(max + 1));
        }
        var secret = properties.webhookSecret();
        if (secret == null || secret.isBlank()) {
            return problem(
                    HttpStatus.UNAUTHORIZED,
                    "Not signed",
                    "The e-mail webhook has no secret configured (directline.channels.email.webhook-secret), so no"
                            + " signature can be right.");
        }
        if (!validSignature(secret, body, signature)) {
            return problem(
                    HttpStatus.UNAUTHORIZED,
                    "Not signed",
                    "The " + SIGNATURE + " header is missing or does not match the body: sign the raw body with"
                            + " HMAC-SHA256 and send sha256=<hex>.");
        }
        EmailIntake.Outcome outcome;
        try {
            outcome = intake.take(body);
        } catch (MimeMessages.Rejected rejected) {
            return rejected.tooLarge()
                    ? tooLarge(rejected)
                    : problem(HttpStatus.BAD_REQUEST, "Unreadable message", rejected.getMessage());
        } catch (IllegalArgumentException incomplete) {
            return problem(HttpStatus.BAD_REQUEST, "Incomplete message", incomplete.getMessage());
        }
        if (outcome instanceof EmailIntake.Ignored ignored) {
            return ResponseEntity.accepted()
                    .body(Map.of("ignored", true, "reason", ignored.category(), "detail", ignored.detail()));
        }
        var result = ((EmailIntake.Taken) outcome).result();
        var answer = new LinkedHashMap<String, Object>();
        answer.put("caseId", result.caseId());
        answer.put("messageId", result.messageId());
        answer.put("newCase", result.newCase());
        answer.put("duplicate", result.duplicate());
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(answer);
    }

    static boolean validSignature(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        var given = header.strip().toLowerCase(Locale.ROOT);
        var expected = "sha256=" + sign(secret, body);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    static String sign(String secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body, or null when it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static ResponseEntity<ProblemDetail> tooLarge(MimeMessages.Rejected rejected) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Message too large", rejected.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
