package io.directline.journey;

/** The stages of an order's journey, in the order an owner lives them; service visits follow delivery. */
public enum Milestone {
    RESERVATION,
    ORDER_CONFIRMED,
    IN_PRODUCTION,
    IN_TRANSIT,
    DELIVERY_SCHEDULED,
    DELIVERED,
    SERVICE_VISIT
}
