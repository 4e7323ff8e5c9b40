package io.directline.cases;

/** How urgent a case is. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
