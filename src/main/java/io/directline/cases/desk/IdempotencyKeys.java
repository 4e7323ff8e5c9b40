package io.directline.cases.desk;

import io.directline.cases.CaseProblems;
import io.directline.identity.DirectLineUser;
import org.springframework.http.HttpStatus;

/**
 * The {@code Idempotency-Key} request header: a client that retries a POST with the same key gets
 * the case or message of the first attempt instead of a duplicate. Keys are scoped to the signed-in
 * user and stored as the message's external id, whose (channel, external id) index is unique.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {}

    /** The external id for the key, or null without one; a 400 problem for an unusable key. */
    public static String externalId(DirectLineUser user, String key) {
        if (key == null) {
            return null;
        }
        var trimmed = key.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            throw CaseProblems.problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid Idempotency-Key",
                    "The Idempotency-Key header must hold 1 to " + MAX_LENGTH + " characters.");
        }
        return "idempotency:" + user.id() + ":" + trimmed;
    }
}
