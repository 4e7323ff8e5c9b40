package io.directline.customer;

import java.time.Instant;

/** An owner moved to another tier; what depends on the tier (SLA targets) is chosen again. */
public record CustomerTierChanged(long customerId, Tier from, Tier to, Instant at) {}
