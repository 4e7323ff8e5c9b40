package io.directline.journey;

import java.time.LocalDate;

/**
 * The dates the system of record gives for one milestone of an order; any may be null (not known, or left as it is).
 *
 * @param promised the date promised to the owner; kept as first given, later values do not replace it
 * @param estimate the current estimate; null keeps the estimate the journey has (the promise for a new milestone)
 * @param actual the day it happened; null while it has not
 */
public record MilestonePlan(LocalDate promised, LocalDate estimate, LocalDate actual) {}
