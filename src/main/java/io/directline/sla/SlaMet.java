package io.directline.sla;

import java.time.Instant;

/**
 * An SLA clock of a case reached its goal before its target: the company's first answer came in time, or the case
 * was resolved in time. Published in the transaction of the answer or the resolution; a case resolved again after a
 * reopening tells of the same clock (same {@code clockId}) again.
 *
 * @param dueAt when the target would have run out, or null when the clock was paused at the time
 */
public record SlaMet(long caseId, long clockId, ClockKind kind, Instant dueAt, Instant metAt) {}
