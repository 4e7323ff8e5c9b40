/**
 * The bulk import of orders from a CSV file of the system of record, over the API and from an admin screen: read
 * as a stream (Jackson CSV) in bounded memory, owners resolved in bulk per batch, rows applied a batch per
 * transaction with batched statements, every rejected row reported with its line and why, progress shown while it
 * runs. Internal to the journey module.
 */
package io.directline.journey.imports;
