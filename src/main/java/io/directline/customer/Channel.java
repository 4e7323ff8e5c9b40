package io.directline.customer;

/** The ways an owner reaches the company and hears back. */
public enum Channel {
    PORTAL,
    EMAIL,
    SMS,
    PHONE,
    X,
    MASTODON
}
