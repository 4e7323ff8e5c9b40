package io.directline.journey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where one milestone of an order stands.
 *
 * @param promised the date first promised (null when none was)
 * @param estimate the current estimate (null when none is known)
 * @param actual the day it happened (null while it has not)
 * @param previousEstimate the estimate before the latest change (null when it never changed)
 * @param reason the reason given for the latest change, or null
 * @param delayed the estimate is later than the promise by more than {@code directline.journey.delay-threshold}
 * @param toldEstimate the estimate the owner was last told about by a notice or a broadcast, or null
 * @param toldAt when they were told, or null
 * @param toldSource what told them (a broadcast's or a notice's reference), or null
 */
public record MilestoneStatus(
        Milestone milestone,
        LocalDate promised,
        LocalDate estimate,
        LocalDate actual,
        LocalDate previousEstimate,
        String reason,
        boolean delayed,
        LocalDate toldEstimate,
        Instant toldAt,
        String toldSource) {}
