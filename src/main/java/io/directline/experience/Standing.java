package io.directline.experience;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where an owner stands with us now.
 *
 * @param balance positives − negative-weight × negatives over the rolling window
 * @param positives the positive entries' weights in the window
 * @param negatives the negative entries' weights in the window
 * @param atRisk whether the balance is below zero
 * @param lifetimeValue what the owner is worth to us over their lifetime (purchases × loyalty, capped)
 * @param valueAtRisk the part of the lifetime value at stake, from the balance's risk factor
 * @param explanation one sentence that says why, for a person
 */
public record Standing(
        long customerId,
        int balance,
        int positives,
        int negatives,
        boolean atRisk,
        BigDecimal lifetimeValue,
        BigDecimal valueAtRisk,
        String explanation,
        Instant computedAt) {}
