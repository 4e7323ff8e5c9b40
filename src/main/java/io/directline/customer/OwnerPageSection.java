package io.directline.customer;

/**
 * A part of the staff's owner page that another module knows: the cases, the open promises, the escalations, and
 * later the orders and the experience ledger. Declared here, implemented as a bean by the module that owns the data,
 * so {@code customer} shows every section without depending on any of those modules. Sections appear in the order
 * of their {@link org.springframework.core.annotation.Order}.
 */
public interface OwnerPageSection {

    /**
     * This section for one owner; never null (a section without rows still shows its title and what it lacks).
     * Reads with one indexed query per owner and returns a bounded number of rows.
     */
    OwnerSection sectionFor(long customerId);
}
