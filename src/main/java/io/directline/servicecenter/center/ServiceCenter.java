package io.directline.servicecenter.center;

import io.directline.servicecenter.ServiceType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SortedSet;

/**
 * A service center as it is stored and answered.
 *
 * @param openingHours per weekday; a day without an entry is closed
 * @param capacity seats per day per service type offered (every value at least 1)
 */
public record ServiceCenter(
        long id,
        String name,
        String street,
        String city,
        String region,
        String postalCode,
        String country,
        double latitude,
        double longitude,
        ZoneId timeZone,
        Map<DayOfWeek, Hours> openingHours,
        SortedSet<LocalDate> holidays,
        Map<ServiceType, Integer> capacity,
        int mobileRadiusMiles,
        int vans,
        long version,
        String updatedBy,
        Instant updatedAt) {

    public boolean offers(ServiceType service) {
        return capacity.getOrDefault(service, 0) > 0;
    }

    public int seats(ServiceType service) {
        return capacity.getOrDefault(service, 0);
    }

    /** The day's opening hours, or null when the center is closed that day (its weekday off, or a holiday). */
    public Hours hoursOn(LocalDate day) {
        return holidays.contains(day) ? null : openingHours.get(day.getDayOfWeek());
    }

    /** "12 Main Street, Boston, MA". */
    public String address() {
        var out = new StringBuilder();
        if (street != null && !street.isBlank()) {
            out.append(street).append(", ");
        }
        out.append(city);
        if (region != null && !region.isBlank()) {
            out.append(", ").append(region);
        }
        return out.toString();
    }
}
