package io.directline.cases.desk;

import io.directline.cases.CaseManagement;
import io.directline.cases.SupportCase;
import io.directline.customer.Finder;
import io.directline.customer.Found;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The find box's cases: by their exact reference ({@code DL-000123}, by primary key) or by their order number or
 * its start (support_case_order_idx).
 */
@Component
@Order(10)
class CaseFinder implements Finder {

    private static final Pattern REFERENCE = Pattern.compile("(?i)DL-?(\\d{1,18})");

    private final CaseManagement cases;

    CaseFinder(CaseManagement cases) {
        this.cases = cases;
    }

    @Override
    public List<Found> find(String query, int limit) {
        var found = new LinkedHashMap<Long, SupportCase>();
        var reference = REFERENCE.matcher(query);
        if (reference.matches()) {
            cases.find(Long.parseLong(reference.group(1))).ifPresent(c -> found.put(c.getId(), c));
        }
        if (found.size() < limit) {
            cases.withOrderIdPrefix(query, limit).forEach(c -> found.putIfAbsent(c.getId(), c));
        }
        var matches = new ArrayList<Found>();
        for (var supportCase : found.values()) {
            if (matches.size() == limit) {
                break;
            }
            var detail = (supportCase.getOrderId() == null ? "" : "order " + supportCase.getOrderId() + " · ")
                    + supportCase.getStatus().label() + " · " + supportCase.getChannel();
            matches.add(new Found(
                    Found.Kind.CASE,
                    supportCase.getId(),
                    supportCase.reference() + " " + supportCase.getSubject(),
                    detail,
                    "/cases/" + supportCase.getId()));
        }
        return matches;
    }
}
