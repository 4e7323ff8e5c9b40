package io.directline.cases;

/** A message from the owner, to the owner, or an internal note the owner never sees. */
public enum Direction {
    INBOUND,
    OUTBOUND,
    INTERNAL
}
