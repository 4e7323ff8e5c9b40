package io.directline.customer;

/** How much an owner's relationship is worth to the company; SLA policies may promise faster answers to higher tiers. */
public enum Tier {
    STANDARD,
    PREMIUM,
    VIP
}
