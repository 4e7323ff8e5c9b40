package io.directline.servicecenter;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A service center as an admin (or the demo data) describes it; every field is checked, and a refusal names it.
 *
 * @param timeZone an IANA zone such as America/New_York; the opening hours and holidays are in it
 * @param openingHours per weekday name (MONDAY … SUNDAY), {@code HH:mm-HH:mm}; a day left out is closed
 * @param holidays days the center is closed
 * @param capacity per service type name (TYRES, BODY, …), the seats per day; a type left out (or 0) is not offered
 * @param mobileRadiusMiles how far from the center its vans go to an owner
 * @param version the version the change was made on, to refuse a change that crossed another; null for a new center
 */
public record CenterDetails(
        String name,
        String street,
        String city,
        String region,
        String postalCode,
        String country,
        Double latitude,
        Double longitude,
        String timeZone,
        Map<String, String> openingHours,
        List<LocalDate> holidays,
        Map<String, Integer> capacity,
        Integer mobileRadiusMiles,
        Integer vans,
        Long version) {}
