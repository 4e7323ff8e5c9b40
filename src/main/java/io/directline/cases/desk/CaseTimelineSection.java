package io.directline.cases.desk;

import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.customer.OwnerPageSection;
import io.directline.customer.OwnerSection;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The owner page's timeline: every case of the owner on every channel, most recently active first, by
 * support_case_customer_updated_idx (customer_id, updated_at, id).
 */
@Component
@Order(10)
class CaseTimelineSection implements OwnerPageSection {

    /** The most cases the page lists; an owner with more is an importer, and the case list pages on. */
    static final int MAX_CASES = 200;

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CaseManagement cases;

    CaseTimelineSection(CaseManagement cases) {
        this.cases = cases;
    }

    @Override
    public OwnerSection sectionFor(long customerId) {
        var slice =
                cases.search(new CaseFilter(null, null, null, customerId, null, CaseFilter.Sort.UPDATED), 0, MAX_CASES);
        var rows = slice.items().stream()
                .map(c -> {
                    var cells = new LinkedHashMap<String, String>();
                    cells.put("Reference", c.reference());
                    cells.put("Updated", WHEN.format(c.getUpdatedAt()));
                    cells.put("Channel", c.getChannel().name());
                    cells.put("Status", c.getStatus().label());
                    cells.put("Subject", c.getSubject());
                    cells.put("Order", c.getOrderId() == null ? "" : c.getOrderId());
                    return new OwnerSection.Row("/cases/" + c.getId(), cells);
                })
                .toList();
        return new OwnerSection(
                "cases",
                slice.hasNext() ? "Cases (the latest " + MAX_CASES + ")" : "Cases",
                List.of("Reference", "Updated", "Channel", "Status", "Subject", "Order"),
                rows,
                "No cases yet.");
    }
}
