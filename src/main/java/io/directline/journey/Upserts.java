package io.directline.journey;

import java.util.List;
import java.util.Map;

/**
 * What a batch of upserts did, entry by entry in the order given.
 *
 * @param outcomes what each entry did; null for a refused entry
 * @param refused per entry index why it was refused; nothing of a refused entry changed
 */
public record Upserts(List<Upserted> outcomes, Map<Integer, InvalidOrderException> refused) {

    /** How many entries did {@code what}. */
    public long count(Upserted what) {
        return outcomes.stream().filter(o -> o == what).count();
    }
}
