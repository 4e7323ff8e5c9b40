package io.directline.identity;

import java.util.Set;

/** A member of company staff, as other modules see them (an assignee, an escalation holder). */
public record StaffMember(String username, String displayName, String team, Set<Role> roles) {}
