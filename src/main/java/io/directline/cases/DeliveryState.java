package io.directline.cases;

/** Where an answer to the owner stands on its way out. */
public enum DeliveryState {
    QUEUED,
    SENT,
    FAILED
}
