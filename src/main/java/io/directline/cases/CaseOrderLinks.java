package io.directline.cases;

import java.util.Optional;

/**
 * The order a case is about, as the staff case page links it: declared here and implemented by the module that
 * keeps orders, so {@code cases} shows the link without depending on it. With no implementation (or no such order
 * of the case's owner) the case page shows the free-text order number as it was typed.
 */
public interface CaseOrderLinks {

    /**
     * The order the case names, when its owner has an order with that reference; empty otherwise. One indexed
     * read.
     */
    Optional<CaseOrder> orderOf(SupportCase supportCase);

    /**
     * A case's order as the case page shows it.
     *
     * @param ref the order's reference
     * @param link the staff screen of the order
     * @param stage the order's current stage, in words
     * @param asked what the case says of the owner's knowledge of a delay ("had to ask", "told before asking"), or
     *     null when the case was not about a delay
     */
    record CaseOrder(String ref, String link, String stage, String asked) {}
}
