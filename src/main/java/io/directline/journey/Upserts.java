package io.directline.journey;

import java.util.Map;

/**
 * What a batch of upserts did.
 *
 * @param done per reference what happened, in the order given
 * @param refused per reference why it was refused; nothing of a refused order changed
 */
public record Upserts(Map<String, Upserted> done, Map<String, InvalidOrderException> refused) {}
