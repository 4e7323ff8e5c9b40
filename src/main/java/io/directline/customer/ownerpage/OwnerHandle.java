package io.directline.customer.ownerpage;

/**
 * One way to reach an owner, as the owner page shows it.
 *
 * @param kind EMAIL, PHONE, X or MASTODON
 * @param value as stored
 * @param verified whether the owner proved it is theirs
 */
public record OwnerHandle(String kind, String value, boolean verified) {}
