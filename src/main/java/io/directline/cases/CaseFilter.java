package io.directline.cases;

import java.time.Instant;
import java.util.Set;

/**
 * What to list. Every field may be null (no restriction).
 *
 * @param assignee a username, or {@link #UNASSIGNED} for cases nobody holds
 */
public record CaseFilter(
        Set<CaseStatus> statuses, String assignee, String team, Long customerId, Instant updatedSince) {

    public static final String UNASSIGNED = "none";

    public static CaseFilter all() {
        return new CaseFilter(null, null, null, null, null);
    }
}
