package io.directline.experience.recovery;

import io.directline.customer.OwnerPageSection;
import io.directline.customer.OwnerSection;
import io.directline.web.TimeDisplay;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The owner page's recoveries: which playbook started when, and how it ended. */
@Component
@Order(13)
class RecoverySection implements OwnerPageSection {

    private static final List<String> COLUMNS = List.of("Started", "Playbook", "Status", "Balance at start");

    private final Recoveries recoveries;
    private final TimeDisplay time;

    RecoverySection(Recoveries recoveries, TimeDisplay time) {
        this.recoveries = recoveries;
        this.time = time;
    }

    @Override
    public OwnerSection sectionFor(long customerId) {
        var rows = recoveries.ofOwner(customerId, 10).stream()
                .map(r -> {
                    var cells = new LinkedHashMap<String, String>();
                    cells.put("Started", time.dateTime(r.startedAt()));
                    cells.put("Playbook", r.playbookName());
                    cells.put(
                            "Status",
                            switch (r.status()) {
                                case "RECOVERED" -> "recovered " + time.dateTime(r.endedAt());
                                case "LAPSED" -> "lapsed " + time.dateTime(r.endedAt());
                                default -> "open";
                            });
                    cells.put("Balance at start", String.valueOf(r.balanceAtStart()));
                    return new OwnerSection.Row(r.caseId() == null ? null : "/cases/" + r.caseId(), cells);
                })
                .toList();
        return new OwnerSection(
                "recoveries", "Recoveries", COLUMNS, rows, "No recovery: nothing went wrong to put right.");
    }
}
