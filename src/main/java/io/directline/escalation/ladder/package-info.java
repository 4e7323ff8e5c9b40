/**
 * The escalation ladder that time climbs: assignee, team supervisor, executive office. It owns the trail of
 * steps (where a case stands is its latest step), the staff notification and the recovery promise each climb
 * makes through {@code sla}'s API, and the case's "SLA and ladder" view, composed from {@code sla}'s snapshot and
 * the trail. It never reads {@code sla}'s tables or internals; {@code sla} hands it each late case through
 * {@link io.directline.sla.LateCaseHandler}, called in the transaction that records the breach so that the
 * breach and its climb commit together, exactly once, on every node (see {@code sla}'s package documentation).
 */
package io.directline.escalation.ladder;
