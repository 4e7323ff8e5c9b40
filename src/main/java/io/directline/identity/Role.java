package io.directline.identity;

/** What a user may do. Every role but {@link #OWNER} is company staff. */
public enum Role {
    OWNER,
    AGENT,
    SUPERVISOR,
    EXECUTIVE,
    ADMIN;

    public boolean isStaff() {
        return this != OWNER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
