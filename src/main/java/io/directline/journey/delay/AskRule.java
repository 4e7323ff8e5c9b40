package io.directline.journey.delay;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which delayed order an owner's new case is about, and whether they had been told: the case names the order in its
 * order number, or the first message mentions its reference. Of the owner's delayed milestones that match, one they
 * were not told of makes it "had to ask"; when they were told of all, "told before asking".
 */
final class AskRule {

    /** The decision: the milestone asked about, and whether the owner had been told of its current estimate. */
    record Asked(DelayRow about, boolean told) {}

    private AskRule() {}

    static Optional<Asked> decide(String orderId, String firstMessage, List<DelayRow> latestOfOwner) {
        var text = firstMessage == null ? "" : firstMessage.toUpperCase(Locale.ROOT);
        var named = orderId == null ? null : orderId.strip();
        var matching = latestOfOwner.stream()
                .filter(DelayRow::delayed)
                .filter(row -> row.orderRef().equalsIgnoreCase(named == null ? "" : named)
                        || mentions(text, row.orderRef().toUpperCase(Locale.ROOT)))
                .toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        return matching.stream()
                .filter(row -> !row.status().told())
                .findFirst()
                .map(row -> new Asked(row, false))
                .or(() -> Optional.of(new Asked(matching.get(matching.size() - 1), true)));
    }

    /** The reference appears as a word of its own ("ORD-12" is not mentioned by "ORD-123"). */
    private static boolean mentions(String text, String ref) {
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
