package io.directline.journey;

/** What an upsert of an order did. */
public enum Upserted {
    /** The order was new. */
    CREATED,
    /** The order was known and something about it changed. */
    CHANGED,
    /** The order was known exactly so: nothing was written and no event published. */
    UNCHANGED
}
