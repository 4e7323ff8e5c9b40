package io.directline.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands. Each status lists the statuses a case may move to from it. */
public enum CaseStatus {
    NEW,
    OPEN,
    WAITING_ON_CUSTOMER,
    WAITING_ON_COMPANY,
    RESOLVED,
    CLOSED;

    /** The statuses a case in this status may move to; CLOSED is final. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, WAITING_ON_CUSTOMER, WAITING_ON_COMPANY, RESOLVED, CLOSED);
            case OPEN -> EnumSet.of(WAITING_ON_CUSTOMER, WAITING_ON_COMPANY, RESOLVED, CLOSED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(OPEN, WAITING_ON_COMPANY, RESOLVED, CLOSED);
            case WAITING_ON_COMPANY -> EnumSet.of(OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Still needs the company or the owner: not resolved and not closed. */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }

    public String label() {
        String s = name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
