/**
 * Orders and their milestones as stored: the {@link io.directline.journey.order.JourneyOrder} aggregate with its
 * rules (the promise kept as first given, a moved estimate needs a reason and leaves a history row, the delay flag),
 * its JDBC store with batched, set-based writes (one order through the API, a thousand per batch from an import,
 * the same statements), and the segment queries. Internal to the journey module; others use
 * {@link io.directline.journey.Orders} and {@link io.directline.journey.OrderSegments}.
 */
package io.directline.journey.order;
