package io.directline.journey.delay;

import io.directline.journey.Milestone;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which delayed order an owner's new case is about, and whether they had been told: the case names the order in its
 * order number, or its subject or first message mentions the reference as a word of its own. Of the owner's delayed
 * milestones that match, one they were not told of makes it "had to ask"; when they were told of all, "told before
 * asking".
 */
final class AskRule {

    /**
     * One delayed (or formerly delayed) milestone of one of the owner's orders.
     *
     * @param delayed late as of its current estimate
     * @param toldAt when the owner was told of the current estimate; null when they were not
     */
    record Candidate(String orderRef, Milestone milestone, boolean delayed, Instant toldAt) {}

    /** The decision: the milestone asked about, and when the owner had been told of it (null: had to ask). */
    record Asked(Candidate about, Instant toldAt) {

        boolean told() {
            return toldAt != null;
        }
    }

    private AskRule() {}

    static Optional<Asked> decide(String orderId, String text, List<Candidate> candidates, Instant askedAt) {
        var upper = text == null ? "" : text.toUpperCase(Locale.ROOT);
        var named = orderId == null ? "" : orderId.strip();
        var matching = candidates.stream()
                .filter(Candidate::delayed)
                .filter(c -> c.orderRef().equalsIgnoreCase(named)
                        || mentions(upper, c.orderRef().toUpperCase(Locale.ROOT)))
                .toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        return matching.stream()
                .filter(c -> c.toldAt() == null || c.toldAt().isAfter(askedAt))
                .findFirst()
                .map(c -> new Asked(c, null))
                .or(() -> Optional.of(new Asked(matching.get(0), matching.get(0).toldAt())));
    }

    /** The reference appears as a word of its own ("ORD-12" is not mentioned by "ORD-123"). */
    static boolean mentions(String text, String ref) {
        if (ref.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int at = text.indexOf(ref, from);
            if (at < 0) {
                return false;
            }
            int end = at + ref.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
            from = at + 1;
        }
    }
}
