package io.directline.customer;

import java.time.LocalTime;

/**
 * What an owner chooses for themselves: the channel we answer on, a daily quiet window (both ends or neither),
 * their time zone (a region such as {@code Europe/Zurich}) and language (a BCP 47 tag such as {@code de-CH}, or
 * null for the company's default).
 */
public record OwnerPreferences(
        Channel preferredChannel, LocalTime quietFrom, LocalTime quietUntil, String timeZone, String language) {}
