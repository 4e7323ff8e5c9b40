package io.directline.sla.promise;

import io.directline.cases.SupportCase;
import io.directline.customer.OwnerPageSection;
import io.directline.customer.OwnerSection;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The owner page's open promises, on any of the owner's cases, soonest due first: one query. */
@Component
@Order(20)
class OpenPromisesSection implements OwnerPageSection {

    static final int MAX_PROMISES = 100;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PromiseRepository promises;

    OpenPromisesSection(PromiseRepository promises) {
        this.promises = promises;
    }

    @Override
    public OwnerSection sectionFor(long customerId) {
        var rows = promises.findOpenOfOwner(customerId, PageRequest.of(0, MAX_PROMISES)).stream()
                .map(p -> {
                    var cells = new LinkedHashMap<String, String>();
                    cells.put("Case", SupportCase.reference(p.getCaseId()));
                    cells.put("Due", WHEN.format(p.getDueAt()));
                    cells.put("Promise", p.getDescription());
                    cells.put("Responsible", p.getResponsible());
                    return new OwnerSection.Row("/cases/" + p.getCaseId(), cells);
                })
                .toList();
        return new OwnerSection(
                "promises",
                "Open promises",
                List.of("Case", "Due", "Promise", "Responsible"),
                rows,
                "No open promises.");
    }
}
