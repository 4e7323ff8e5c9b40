package io.directline.cases;

import java.time.Instant;
import java.util.List;

/**
 * What is at stake on a case: its owner's standing for the case page, and the words that say why a case stands
 * where it does in the inbox's "most at stake first" order. Declared here and implemented by the module that keeps
 * the experience ledger, so {@code cases} shows both without depending on it; that module writes each case's stake
 * through {@link CaseManagement#stake}. With no implementation the case page shows no standing and the inbox says
 * only when the case breaches.
 */
public interface CaseStakes {

    /** The owner's standing as lines of the case page, each with how it was computed; never null. */
    List<StakeLine> standingOf(long customerId);

    /**
     * Why the case is where it is in the "most at stake first" order at {@code now}, such as "breaches in 40 min ·
     * owner at risk · $210k lifetime value"; reads only what the case holds.
     */
    String whyHere(SupportCase supportCase, Instant now);

    /** One line of the owner's standing: what, its value, and how it was computed. */
    record StakeLine(String what, String value, String how) {}
}
