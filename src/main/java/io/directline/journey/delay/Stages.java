package io.directline.journey.delay;

import io.directline.journey.Milestone;

/** The words an owner reads for each milestone. */
public final class Stages {

    private Stages() {}

    public static String label(Milestone milestone) {
        return switch (milestone) {
            case RESERVATION -> "Reservation";
            case ORDER_CONFIRMED -> "Order confirmation";
            case IN_PRODUCTION -> "Production";
            case IN_TRANSIT -> "Transport";
            case DELIVERY_SCHEDULED -> "Delivery appointment";
            case DELIVERED -> "Delivery";
            case SERVICE_VISIT -> "Service visit";
        };
    }
}
