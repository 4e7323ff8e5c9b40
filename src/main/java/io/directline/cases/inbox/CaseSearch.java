package io.directline.cases.inbox;

import io.directline.cases.CaseFilter;
import io.directline.cases.CaseSlice;
import io.directline.cases.SupportCase;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import org.springframework.stereotype.Component;

/**
 * Lists cases by filter, newest change first. Each filter is backed by an index that ends in
 * (updated_at, id), and no total is counted: a page costs the same at ten million cases as at ten.
 * Sorted by time to breach, cases without a running clock come last; on PostgreSQL the (sla_due_at, id)
 * index gives that order as it is (ascending, nulls last), while H2 keeps nulls first in it and sorts.
 * Most at stake first reads the (priority_at, id) index, which is never null.
 */
@Component
public class CaseSearch {

    private final EntityManager entityManager;

    CaseSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public CaseSlice find(CaseFilter filter, int page, int size) {
        var jpql = new StringBuilder("select c from SupportCase c where 1 = 1");
        var params = new HashMap<String, Object>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            jpql.append(" and c.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (filter.assignee() != null && !filter.assignee().isBlank()) {
            if (CaseFilter.UNASSIGNED.equals(filter.assignee())) {
                jpql.append(" and c.assignee is null");
            } else {
                jpql.append(" and c.assignee = :assignee");
                params.put("assignee", filter.assignee());
            }
        }
        if (filter.team() != null && !filter.team().isBlank()) {
            jpql.append(" and c.team = :team");
            params.put("team", filter.team());
        }
        if (filter.customerId() != null) {
            jpql.append(" and c.customerId = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.updatedSince() != null) {
            jpql.append(" and c.updatedAt >= :since");
            params.put("since", filter.updatedSince());
        }
        jpql.append(
                switch (filter.sort()) {
                    case BREACH -> " order by c.slaDueAt asc nulls last, c.id asc";
                    case PRIORITY -> " order by c.priorityAt asc, c.id asc";
                    case UPDATED -> " order by c.updatedAt desc, c.id desc";
                });
        var query = entityManager.createQuery(jpql.toString(), SupportCase.class);
        params.forEach(query::setParameter);
        var rows = query.setFirstResult(page * size).setMaxResults(size + 1).getResultList();
        boolean hasNext = rows.size() > size;
        return new CaseSlice(hasNext ? rows.subList(0, size) : rows, page, size, hasNext);
    }
}
