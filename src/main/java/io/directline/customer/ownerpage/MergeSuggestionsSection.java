package io.directline.customer.ownerpage;

import io.directline.customer.OwnerMerges;
import io.directline.customer.OwnerPageSection;
import io.directline.customer.OwnerSection;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The owner page's merge suggestions, either way round, newest first: owner_merge_suggestion by its pair and
 * candidate indexes, then the other owners' names in one query.
 */
@Component
@Order(40)
class MergeSuggestionsSection implements OwnerPageSection {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final OwnerMerges merges;

    MergeSuggestionsSection(OwnerMerges merges) {
        this.merges = merges;
    }

    @Override
    public OwnerSection sectionFor(long customerId) {
        var rows = merges.suggestionsFor(customerId).stream()
                .map(s -> {
                    var cells = new LinkedHashMap<String, String>();
                    cells.put("May be", s.otherName());
                    cells.put("Why", s.reasons());
                    cells.put("State", s.state());
                    cells.put("Suggested", WHEN.format(s.createdAt()));
                    return new OwnerSection.Row("/customers/" + s.otherId(), cells);
                })
                .toList();
        return new OwnerSection(
                "merge-suggestions",
                "Merge suggestions",
                List.of("May be", "Why", "State", "Suggested"),
                rows,
                "No merge suggestions.");
    }
}
