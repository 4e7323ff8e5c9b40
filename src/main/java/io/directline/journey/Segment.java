package io.directline.journey;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which owners a broadcast reaches, by their orders; every criterion left null (or empty) matches everything, and
 * the criteria that are set must all hold.
 *
 * @param model the order's model, exactly
 * @param region the order's delivery region, exactly
 * @param postalPrefix the start of the order's delivery postal code
 * @param latitude with {@code longitude} and {@code withinKm}: delivery within this great-circle distance of a point
 * @param milestone the order's current stage (the latest milestone reached or next due)
 * @param promisedFrom the first-promised delivery date on or after this day
 * @param promisedTo the first-promised delivery date on or before this day
 * @param tags the order carries every one of these tags
 */
public record Segment(
        String model,
        String region,
        String postalPrefix,
        Double latitude,
        Double longitude,
        Double withinKm,
        Milestone milestone,
        LocalDate promisedFrom,
        LocalDate promisedTo,
        Set<String> tags) {

    public Segment {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
