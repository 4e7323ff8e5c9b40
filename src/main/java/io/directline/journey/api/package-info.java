/** The orders' REST API: upsert, move an estimate, read an order with its milestones and history. */
package io.directline.journey.api;
