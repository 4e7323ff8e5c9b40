package io.directline.experience;

/** An owner's standing was computed anew (after an entry, a purchase or the window moving on). */
public record StandingChanged(Standing before, Standing after) {}
