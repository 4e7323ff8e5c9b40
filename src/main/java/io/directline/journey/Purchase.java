package io.directline.journey;

import java.time.LocalDate;
import java.util.Set;

/**
 * An order with a price, as a purchase of its owner.
 *
 * @param purchasedOn the day the order was confirmed (its actual date), else reserved, else recorded
 * @param tags the order's tags (a {@code referred-by:<owner id>} tag names who referred the owner)
 */
public record Purchase(String ref, long customerId, Price price, LocalDate purchasedOn, Set<String> tags) {}
