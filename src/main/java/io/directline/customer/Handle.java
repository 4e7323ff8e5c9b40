package io.directline.customer;

import java.time.Instant;

/**
 * One way to reach an owner: an e-mail address, a phone number, an X or Mastodon account.
 *
 * @param value as given and shown
 * @param lookupKey the normalized form it is found by ({@link HandleKind#lookupKey(String)})
 * @param verifiedAt null while the owner has not proven the handle is theirs
 */
public record Handle(
        long id,
        long customerId,
        HandleKind kind,
        String value,
        String lookupKey,
        boolean verified,
        Instant verifiedAt,
        Instant createdAt) {}
