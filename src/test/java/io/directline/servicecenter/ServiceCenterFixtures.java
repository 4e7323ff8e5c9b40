package io.directline.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Service centers for tests: open Monday to Friday 08:00–18:00 and Saturday morning, in New York's time zone. */
public final class ServiceCenterFixtures {

    public static final Map<String, String> WEEKDAYS_AND_SATURDAY = weekdaysAndSaturday();

    private ServiceCenterFixtures() {}

    private static Map<String, String> weekdaysAndSaturday() {
        var hours = new LinkedHashMap<String, String>();
        for (var day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, "08:00-18:00");
        }
        hours.put("SATURDAY", "09:00-13:00");
        return Map.copyOf(hours);
    }

    /** A center's JSON body, named uniquely from {@code name}. */
    public static Map<String, Object> center(
            String name, double lat, double lon, Map<String, Integer> capacity, List<String> holidays) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", UniqueNames.unique(name));
        body.put("street", "1 Main Street");
        body.put("city", name);
        body.put("region", "MA");
        body.put("country", "US");
        body.put("latitude", lat);
        body.put("longitude", lon);
        body.put("timeZone", "America/New_York");
        body.put("openingHours", WEEKDAYS_AND_SATURDAY);
        body.put("holidays", holidays);
        body.put("capacity", capacity);
        body.put("mobileRadiusMiles", 25);
        body.put("vans", 2);
        return body;
    }

    /** A day the fixtures' centers are open and can be booked: two days ahead, or the Monday after a Sunday. */
    public static String openDay() {
        var day =
                java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).plusDays(2);
        return (day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? day.plusDays(1) : day).toString();
    }

    /** Creates a center over the API (as an admin) and returns its id. */
    public static long create(ApiClient admin, Map<String, Object> body) {
        var created = admin.post("/api/v1/service-centers", body);
        assertThat(created.status()).as("create center: %s", created).isEqualTo(201);
        return created.id();
    }
}
