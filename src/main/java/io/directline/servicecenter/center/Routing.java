package io.directline.servicecenter.center;

import io.directline.servicecenter.ServiceType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Routes a service need to the nearest centers that offer the service and have a free seat in the next days.
 *
 * <p>The spatial index answers which centers lie in a box; the box is the one that holds every point within a radius
 * of great-circle distance of the owner (so nothing inside the radius is missed, at any latitude, across the
 * antimeridian or near a pole). The candidates inside the radius are ranked by their exact haversine distance and
 * their seats read in one query; when fewer than the wanted number have room, the radius grows threefold and only the
 * ring outside the previous radius is looked at. No search reads every center unless the nearest with room are that
 * far away.
 */
@Service
public class Routing {

    /** The least first radius looked in, in miles. */
    static final double FIRST_RADIUS = 30;

    /** Half the earth's circumference: every point is within it. */
    static final double EVERYWHERE = Math.PI * GreatCircle.EARTH_RADIUS_MILES;

    private final CenterIndex index;
    private final Seats seats;
    private final ServiceCenterProperties properties;
    private final Clock clock;

    Routing(CenterIndex index, Seats seats, ServiceCenterProperties properties, Clock clock) {
        this.index = index;
        this.seats = seats;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A center near the owner with room.
     *
     * @param mobileServiceReaches the owner is within the center's mobile-service radius and it has vans
     * @param firstFreeSlots the first days with a free seat, earliest first (never empty)
     */
    public record Nearby(
            long centerId,
            String name,
            String address,
            double latitude,
            double longitude,
            String timeZone,
            double distanceMiles,
            double distanceKm,
            boolean mobileServiceReaches,
            int mobileRadiusMiles,
            int vans,
            List<Slot> firstFreeSlots) {}

    /**
     * The nearest centers offering {@code service} with a free seat from tomorrow (in each center's zone) to
     * {@code days} days ahead, nearest first, at most {@code limit}. The arguments are checked by the caller.
     */
    public List<Nearby> nearest(double lat, double lon, ServiceType service, int days, int limit) {
        var todayUtc = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var found = new ArrayList<Nearby>(limit);
        var seen = new HashSet<Long>();
        // a first radius that holds about twice the centers wanted (so one look usually finds enough with room)
        double radius = Math.max(FIRST_RADIUS, index.radiusHolding(service, lat, lon, 2 * limit) * 1.01);
        while (true) {
            record Candidate(ServiceCenter center, double miles) {}
            var ring = new ArrayList<Candidate>();
            var box = Box.around(lat, lon, radius);
            for (var c : index.within(service, box.south(), box.north(), box.west(), box.east())) {
                if (seen.contains(c.id())) {
                    continue;
                }
                double miles = GreatCircle.miles(lat, lon, c.latitude(), c.longitude());
                if (miles <= radius) {
                    ring.add(new Candidate(c, miles));
                }
            }
            ring.sort(Comparator.comparingDouble(Candidate::miles)
                    .thenComparingLong(x -> x.center().id()));
            if (!ring.isEmpty()) {
                var ids = ring.stream().map(x -> x.center().id()).toList();
                // a day either side of UTC's today covers every center's own today and window
                var booked = seats.booked(service, ids, todayUtc, todayUtc.plusDays(days + 2L));
                for (var x : ring) {
                    seen.add(x.center().id());
                    var c = x.center();
                    var today = LocalDate.ofInstant(clock.instant(), c.timeZone());
                    var slots = Seats.freeDays(
                            c,
                            service,
                            booked.getOrDefault(c.id(), Map.of()),
                            today.plusDays(1),
                            today.plusDays(days),
                            properties.firstSlots());
                    if (!slots.isEmpty()) {
                        found.add(nearby(c, x.miles(), slots));
                        if (found.size() == limit) {
                            return found;
                        }
                    }
                }
            }
            if (radius >= EVERYWHERE) {
                return found;
            }
            radius = Math.min(radius * 3, EVERYWHERE);
        }
    }

    static Nearby nearby(ServiceCenter c, double miles, List<Slot> slots) {
        return new Nearby(
                c.id(),
                c.name(),
                c.address(),
                c.latitude(),
                c.longitude(),
                c.timeZone().getId(),
                Math.round(miles * 10) / 10.0,
                Math.round(miles * GreatCircle.KM_PER_MILE * 10) / 10.0,
                c.vans() > 0 && miles <= c.mobileRadiusMiles(),
                c.mobileRadiusMiles(),
                c.vans(),
                List.copyOf(slots));
    }

    /**
     * The smallest latitude/longitude box holding every point within {@code miles} of great-circle distance of a
     * point (the bounding-box method for a spherical cap); west exceeds east when it crosses the antimeridian.
     */
    record Box(double south, double north, double west, double east) {

        static Box around(double lat, double lon, double miles) {
            double angle = miles / GreatCircle.EARTH_RADIUS_MILES;
            if (angle >= Math.PI) {
                return new Box(-90, 90, -180, 180);
            }
            double dLat = Math.toDegrees(angle);
            double south = lat - dLat;
            double north = lat + dLat;
            if (south <= -90 || north >= 90) {
                return new Box(Math.max(-90, south), Math.min(90, north), -180, 180);
            }
            double ratio = Math.sin(angle) / Math.cos(Math.toRadians(lat));
            if (ratio >= 1) {
                return new Box(south, north, -180, 180);
            }
            double dLon = Math.toDegrees(Math.asin(ratio));
            double west = lon - dLon;
            double east = lon + dLon;
            if (west < -180) {
                west += 360;
            }
            if (east > 180) {
                east -= 360;
            }
            return new Box(south, north, west, east);
        }
    }
}
