package io.directline.demo;

import io.directline.servicecenter.CenterDetails;
import io.directline.servicecenter.ServiceCenterRegistry;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The demo's service centers, in real cities and deliberately uneven: dense in the North-East and California, a
 * center in most large metros elsewhere, and only a few far apart in the Mountain West and the Plains (with wide
 * mobile-service radii to make up for it), so the coverage map tells a story at the first start.
 */
@Component
class DemoServiceCenters {

    /** Name and state of each center's city, as in the GeoNames list; the regions' order matters for the seats. */
    static final List<String> NORTH_EAST = List.of(
            "Boston MA",
            "Cambridge MA",
            "Worcester MA",
            "Springfield MA",
            "Lowell MA",
            "Providence RI",
            "Hartford CT",
            "New Haven CT",
            "Stamford CT",
            "Bridgeport CT",
            "New York City NY",
            "Brooklyn NY",
            "Queens NY",
            "Yonkers NY",
            "Albany NY",
            "Buffalo NY",
            "Rochester NY",
            "Syracuse NY",
            "Newark NJ",
            "Jersey City NJ",
            "Paterson NJ",
            "Trenton NJ",
            "Philadelphia PA",
            "Pittsburgh PA",
            "Allentown PA",
            "Manchester NH",
            "Portland ME",
            "Baltimore MD",
            "Washington, D.C. DC");

    static final List<String> CALIFORNIA = List.of(
            "Los Angeles CA",
            "San Francisco CA",
            "San Diego CA",
            "San Jose CA",
            "Oakland CA",
            "Sacramento CA",
            "Fresno CA",
            "Long Beach CA",
            "Irvine CA",
            "Anaheim CA",
            "Riverside CA",
            "Santa Barbara CA",
            "Bakersfield CA",
            "Pasadena CA",
            "Santa Rosa CA",
            "Stockton CA",
            "Oxnard CA");

    static final List<String> METROS = List.of(
            "Chicago IL",
            "Detroit MI",
            "Columbus OH",
            "Cleveland OH",
            "Atlanta GA",
            "Miami FL",
            "Orlando FL",
            "Tampa FL",
            "Charlotte NC",
            "Raleigh NC",
            "Nashville TN",
            "Houston TX",
            "Dallas TX",
            "Austin TX",
            "San Antonio TX",
            "Seattle WA",
            "Portland OR",
            "Phoenix AZ",
            "Las Vegas NV",
            "Minneapolis MN",
            "St. Louis MO",
            "Kansas City MO",
            "New Orleans LA");

    static final List<String> MOUNTAINS_AND_PLAINS = List.of(
            "Denver CO",
            "Salt Lake City UT",
            "Albuquerque NM",
            "Omaha NE",
            "Boise ID",
            "Billings MT",
            "Sioux Falls SD",
            "Fargo ND",
            "Cheyenne WY",
            "Wichita KS");

    /** The federal holidays of the demo's year ahead: every center is closed on them. */
    static final List<LocalDate> HOLIDAYS = List.of(
            LocalDate.of(2026, 11, 26),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 1, 18),
            LocalDate.of(2027, 2, 15),
            LocalDate.of(2027, 5, 31),
            LocalDate.of(2027, 7, 5),
            LocalDate.of(2027, 9, 6),
            LocalDate.of(2027, 11, 25),
            LocalDate.of(2027, 12, 24));

    private final ServiceCenterRegistry registry;

    DemoServiceCenters(ServiceCenterRegistry registry) {
        this.registry = registry;
    }

    boolean none() {
        return registry.names().isEmpty();
    }

    /** Opens the demo's centers (those not there yet); returns how many were opened. */
    int open(List<City> cities) {
        var byName = cities.stream().collect(Collectors.toMap(c -> c.name() + " " + c.region(), c -> c, (a, b) -> a));
        var existing = new HashSet<>(registry.names());
        int opened = 0;
        int i = 0;
        for (var region : List.of(NORTH_EAST, CALIFORNIA, METROS, MOUNTAINS_AND_PLAINS)) {
            boolean sparse = region == MOUNTAINS_AND_PLAINS;
            for (var key : region) {
                i++;
                var city = byName.get(key);
                if (city == null) {
                    continue;
                }
                var name = "Direct Line " + city.name().replace(", D.C.", "") + ", " + city.region();
                if (existing.contains(name)) {
                    continue;
                }
                registry.register(details(name, city, i, sparse), "demo");
                existing.add(name);
                opened++;
            }
        }
        return opened;
    }

    private static CenterDetails details(String name, City city, int i, boolean sparse) {
        var hours = new LinkedHashMap<String, String>();
        for (var day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, i % 4 == 0 ? "07:30-19:00" : "08:00-18:00");
        }
        if (i % 3 != 0) {
            hours.put("SATURDAY", "09:00-14:00");
        }
        var capacity = new LinkedHashMap<String, Integer>();
        capacity.put("TYRES", 4 + i % 5);
        capacity.put("MAINTENANCE", 3 + i % 4);
        if (i % 2 == 0) {
            capacity.put("SOFTWARE", 2 + i % 3);
        }
        if (i % 3 != 1) {
            capacity.put("BATTERY", 1 + i % 3);
        }
        if (i % 4 == 1) {
            capacity.put("BODY", 1 + i % 2);
        }
        return new CenterDetails(
                name,
                (100 + (i * 37) % 900) + " Service Drive",
                city.name(),
                city.region(),
                null,
                city.country(),
                city.latitude(),
                city.longitude(),
                DemoData.timeZone(city.longitude()),
                Map.copyOf(hours),
                HOLIDAYS,
                Map.copyOf(capacity),
                sparse ? 120 + (i % 3) * 30 : 15 + (i % 3) * 5,
                sparse ? 2 + i % 3 : i % 3,
                null);
    }
}
