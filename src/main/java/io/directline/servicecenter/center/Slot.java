package io.directline.servicecenter.center;

import java.time.LocalDate;

/**
 * A day a center has free seats for a service: the owner brings the car between {@code opens} and {@code closes}.
 *
 * @param free the seats still free that day
 */
public record Slot(LocalDate day, int free, String opens, String closes) {}
