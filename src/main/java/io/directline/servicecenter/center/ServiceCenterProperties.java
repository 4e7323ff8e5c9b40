package io.directline.servicecenter.center;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service centers, routing and appointments.
 *
 * @param indexRefresh how often a node looks whether another node changed a center, to rebuild its spatial index
 * @param defaultDays how many days ahead the nearest centers are looked at for free seats, unless asked otherwise
 * @param maxDays the most days ahead a caller may ask about, and the furthest day a visit can be booked
 * @param defaultLimit how many centers the nearest search returns, unless asked otherwise
 * @param maxLimit the most centers a caller may ask for
 * @param firstSlots how many free days are shown per center (and offered with a refused booking)
 * @param reminderTime the time of day, in the center's zone, of the reminder the day before a visit
 * @param reminderInterval how often the reminder sweep looks for reminders that are due
 */
@Validated
@ConfigurationProperties("directline.servicecenter")
public record ServiceCenterProperties(
        @DefaultValue("30s") @NotNull Duration indexRefresh,
        @DefaultValue("14") @Min(1) @Max(365) int defaultDays,
        @DefaultValue("90") @Min(1) @Max(365) int maxDays,
        @DefaultValue("5") @Min(1) @Max(100) int defaultLimit,
        @DefaultValue("20") @Min(1) @Max(100) int maxLimit,
        @DefaultValue("3") @Min(1) @Max(30) int firstSlots,
        @DefaultValue("10:00") @NotNull LocalTime reminderTime,
        @DefaultValue("1m") @NotNull Duration reminderInterval) {}
