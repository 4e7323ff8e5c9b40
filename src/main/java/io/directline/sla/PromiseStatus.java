package io.directline.sla;

/** Where a promise stands: still open, kept by telling the owner, or broken by the watchdog. */
public enum PromiseStatus {
    OPEN,
    KEPT,
    BROKEN
}
