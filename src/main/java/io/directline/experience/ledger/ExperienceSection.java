package io.directline.experience.ledger;

import io.directline.customer.OwnerPageSection;
import io.directline.customer.OwnerSection;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The owner page's experience: standing, balance, lifetime value and value at risk, each with how it was computed. */
@Component
@Order(12)
class ExperienceSection implements OwnerPageSection {

    private static final List<String> COLUMNS = List.of("What", "Value", "How it was computed");

    private final Ledger ledger;
    private final ExperienceProperties properties;

    ExperienceSection(Ledger ledger, ExperienceProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    @Override
    public OwnerSection sectionFor(long customerId) {
        var rows = StandingLines.of(
                        ledger.breakdownOf(customerId), properties.window().toDays())
                .stream()
                .map(line -> {
                    var cells = new LinkedHashMap<String, String>();
                    cells.put("What", line.what());
                    cells.put("Value", line.value());
                    cells.put("How it was computed", line.how());
                    return new OwnerSection.Row(null, cells);
                })
                .toList();
        return new OwnerSection("experience", "Experience", COLUMNS, rows, "No experience recorded.");
    }
}
