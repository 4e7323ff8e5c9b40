package io.directline.experience.recovery;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a negative experience of one source starts: each step is optional.
 *
 * @param trigger the {@link io.directline.experience.EntrySource} name whose negative entries start it, or {@code ANY}
 * @param callbackHours a supervisor calls the owner back within this many hours (a promise the watchdog watches)
 * @param apology the owner is told, on their channel, that we are sorry and what honestly went wrong
 * @param goodwillAmount a goodwill gesture of this amount (USD) is proposed on the case
 */
record Playbook(
        long id,
        String name,
        String trigger,
        boolean enabled,
        Integer callbackHours,
        boolean apology,
        BigDecimal goodwillAmount,
        String goodwillNote,
        long version,
        String updatedBy,
        Instant updatedAt) {

    static final String ANY = "ANY";
}
