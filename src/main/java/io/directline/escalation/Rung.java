package io.directline.escalation;

/** The escalation ladder a case climbs when time runs out: each breach climbs one rung, the top is the top. */
public enum Rung {
    ASSIGNEE,
    TEAM_SUPERVISOR,
    EXECUTIVE_OFFICE;

    /** The rung's number as the trail stores it: 0 for the assignee, upwards. */
    public int level() {
        return ordinal();
    }

    /** The rung of a stored number; a number above the top is the top. */
    public static Rung ofLevel(int level) {
        return values()[Math.min(level, values().length - 1)];
    }

    /** The rung above, or this one at the top. */
    public Rung next() {
        return this == EXECUTIVE_OFFICE ? this : values()[ordinal() + 1];
    }

    /** How the owner is told who has their case now. */
    public String description() {
        return switch (this) {
            case ASSIGNEE -> "the agent handling your case";
            case TEAM_SUPERVISOR -> "the supervisor of the team handling your case";
            case EXECUTIVE_OFFICE -> "our executive office";
        };
    }

    public String label() {
        return switch (this) {
            case ASSIGNEE -> "Assignee";
            case TEAM_SUPERVISOR -> "Team supervisor";
            case EXECUTIVE_OFFICE -> "Executive office";
        };
    }
}
