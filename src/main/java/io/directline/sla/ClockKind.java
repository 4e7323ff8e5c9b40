package io.directline.sla;

/** What an SLA clock times. */
public enum ClockKind {
    /** From the case's first owner message to the company's first answer. */
    FIRST_RESPONSE,
    /** From each later owner message to the company's next answer. */
    NEXT_RESPONSE,
    /** From the case's opening to its resolution. */
    RESOLUTION;

    /** Whether this clock times an owner waiting for an answer (its breach is a go-dark incident). */
    public boolean isResponse() {
        return this != RESOLUTION;
    }

    public String label() {
        return switch (this) {
            case FIRST_RESPONSE -> "First response";
            case NEXT_RESPONSE -> "Next response";
            case RESOLUTION -> "Resolution";
        };
    }
}
