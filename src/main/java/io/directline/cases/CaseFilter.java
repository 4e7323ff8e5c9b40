package io.directline.cases;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * What to list, and in which order. Every field but {@code sort} may be null (no restriction).
 *
 * @param assignee a username, or {@link #UNASSIGNED} for cases nobody holds
 * @param sort never null; null given means {@link Sort#UPDATED}
 */
public record CaseFilter(
        Set<CaseStatus> statuses, String assignee, String team, Long customerId, Instant updatedSince, Sort sort) {

    public static final String UNASSIGNED = "none";

    /** The order of a list of cases. */
    public enum Sort {
        /** Most recently changed first. */
        UPDATED,
        /** Soonest SLA breach first (overdue ones first of all); cases without a running clock last. */
        BREACH,
        /**
         * Most at stake first: the SLA deadline brought forward by what is at stake for the owner (see
         * {@link CaseStakes}); cases without a running clock last, the ones with more at stake first among them.
         */
        PRIORITY;

        /**
         * The sort named by a request parameter ({@code updated}, {@code breach} or {@code priority}, any case);
         * null or blank means {@link #UPDATED}. Throws a 400 problem naming {@code sort} for anything else.
         */
        public static Sort of(String value) {
            if (value == null || value.isBlank()) {
                return UPDATED;
            }
            for (var sort : values()) {
                if (sort.name().equalsIgnoreCase(value.strip())) {
                    return sort;
                }
            }
            var e = CaseProblems.problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid parameter",
                    "sort must be 'updated' (most recently changed first), 'breach' (soonest SLA breach first) or"
                            + " 'priority' (most at stake first), not '" + value.strip() + "'.");
            e.getBody().setProperty("field", "sort");
            throw e;
        }

        /** How a request names this sort. */
        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Earlier than any case; the database holds no instant before it. */
    private static final Instant DAWN = Instant.parse("0001-01-01T00:00:00Z");

    /** Later than any case; the database holds no instant after it. */
    private static final Instant DUSK = Instant.parse("9999-12-31T23:59:59Z");

    public CaseFilter {
        sort = sort == null ? Sort.UPDATED : sort;
        // "updated since" before any case restricts nothing, after any case leaves nothing: say so within range
        updatedSince = updatedSince == null || updatedSince.isBefore(DAWN)
                ? null
                : updatedSince.isAfter(DUSK) ? DUSK : updatedSince;
    }

    /** A filter listing the most recently changed cases first. */
    public CaseFilter(Set<CaseStatus> statuses, String assignee, String team, Long customerId, Instant updatedSince) {
        this(statuses, assignee, team, customerId, updatedSince, Sort.UPDATED);
    }

    public static CaseFilter all() {
        return new CaseFilter(null, null, null, null, null);
    }
}
