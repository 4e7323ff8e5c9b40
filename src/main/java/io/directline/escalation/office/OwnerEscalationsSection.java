package io.directline.escalation.office;

import io.directline.cases.SupportCase;
import io.directline.customer.OwnerPageSection;
import io.directline.customer.OwnerSection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The owner page's escalations, newest first: the owner's executive escalations (executive_escalation_owner_idx) and
 * the ladder's climbs on their cases (support_case_customer_updated_idx, then case_escalation_case_idx), in one
 * query.
 */
@Component
@Order(30)
class OwnerEscalationsSection implements OwnerPageSection {

    static final int MAX_ESCALATIONS = 100;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;

    OwnerEscalationsSection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnerSection sectionFor(long customerId) {
        var rows = jdbc.sql("""
                        select e.case_id, e.requested_at as at, 'Executive office' as kind, e.state as state,
                               e.reason as reason
                          from executive_escalation e where e.customer_id = :owner
                        union all
                        select s.case_id, s.at, 'Ladder', concat('level ', s.level, ' to ', s.to_holder), s.reason
                          from case_escalation s join support_case c on c.id = s.case_id where c.customer_id = :owner
                        order by at desc, case_id desc
                        fetch first %d rows only""".formatted(MAX_ESCALATIONS))
                .param("owner", customerId)
                .query((rs, n) -> {
                    long caseId = rs.getLong("case_id");
                    var cells = new LinkedHashMap<String, String>();
                    cells.put("Case", SupportCase.reference(caseId));
                    cells.put("When", WHEN.format(rs.getObject("at", OffsetDateTime.class)));
                    cells.put("Kind", rs.getString("kind"));
                    cells.put("State", rs.getString("state"));
                    cells.put("Reason", rs.getString("reason"));
                    return new OwnerSection.Row("/cases/" + caseId, cells);
                })
                .list();
        return new OwnerSection(
                "escalations",
                "Escalations",
                List.of("Case", "When", "Kind", "State", "Reason"),
                rows,
                "No escalations.");
    }
}
