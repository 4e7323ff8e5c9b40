package io.directline.escalation.office;

import io.directline.cases.SupportCase;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import java.util.HashMap;
import java.util.Map;

/**
 * Display names of staff, for templates: {@code names.of(username)}. One per page, remembering each name it looked
 * up, so a queue of many escalations held by a few executives costs a query per executive, not per row.
 */
final class StaffNames {

    private final UserManagement users;
    private final Map<String, String> known = new HashMap<>();

    StaffNames(UserManagement users) {
        this.users = users;
    }

    public String ref(long caseId) {
        return SupportCase.reference(caseId);
    }

    public String of(String username) {
        if (username == null) {
            return "";
        }
        return known.computeIfAbsent(
                username,
                u -> users.staffMember(u).map(StaffMember::displayName).orElse(u));
    }
}
