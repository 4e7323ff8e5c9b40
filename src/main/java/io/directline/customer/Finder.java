package io.directline.customer;

import java.util.List;

/**
 * One kind of thing the staff find box looks up: owners here, cases in {@code cases}. Declared in {@code customer}
 * so the find box can ask every module that knows something findable without knowing those modules; each module
 * implements it as a bean. An implementation answers from indexed lookups only (an exact key, or a prefix of a
 * normalized, indexed key), never from a scan.
 */
public interface Finder {

    /**
     * At most {@code limit} matches for what was typed, best first; never null, empty when nothing matches.
     *
     * @param query stripped, at least {@link #MIN_QUERY_LENGTH} and at most {@link #MAX_QUERY_LENGTH} characters
     */
    List<Found> find(String query, int limit);

    /**
     * The matches that settle what was typed, when it is something whole that names one thing (an owner's exact
     * e-mail address, phone number or social handle): the find box then shows them and asks nothing else. Empty
     * (the default) when the query settles nothing here; then every finder's {@link #find} is asked, and a finder
     * may leave out of {@code find} what it looked up here already.
     */
    default List<Found> exact(String query) {
        return List.of();
    }

    /** Shorter queries find nothing: a single letter would match a large share of all owners. */
    int MIN_QUERY_LENGTH = 2;

    /** Longer queries find nothing: no name, handle, reference or order number is that long. */
    int MAX_QUERY_LENGTH = 320;
}
