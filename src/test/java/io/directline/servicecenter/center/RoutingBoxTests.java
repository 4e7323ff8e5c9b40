package io.directline.servicecenter.center;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The box the spatial index is asked about holds every point within the radius, anywhere on earth: near the poles,
 * across the antimeridian, for radii from a few miles to half the globe. A point the box missed would be a center the
 * search never saw.
 */
class RoutingBoxTests {

    @Test
    void everyPointWithinTheRadiusLiesInTheBox() {
        var random = new Random(15);
        for (int i = 0; i < 200_000; i++) {
            double lat = -89.9 + random.nextDouble() * 179.8;
            double lon = -180 + random.nextDouble() * 360;
            double radius = Math.pow(10, random.nextDouble() * 4); // 1 to 10,000 miles
            double otherLat = Math.max(-90, Math.min(90, lat + (random.nextDouble() - 0.5) * radius / 30));
            double otherLon = lon + (random.nextDouble() - 0.5) * radius / 20;
            otherLon = ((otherLon + 540) % 360) - 180;
            if (GreatCircle.miles(lat, lon, otherLat, otherLon) > radius) {
                continue;
            }
            var box = Routing.Box.around(lat, lon, radius);
            boolean inLatitude = otherLat >= box.south() && otherLat <= box.north();
            boolean inLongitude = box.west() <= box.east()
                    ? otherLon >= box.west() && otherLon <= box.east()
                    : otherLon >= box.west() || otherLon <= box.east();
            assertThat(inLatitude && inLongitude)
                    .as(
                            "(%s, %s) is within %s miles of (%s, %s) but outside %s",
                            otherLat, otherLon, radius, lat, lon, box)
                    .isTrue();
        }
    }

    @Test
    void distancesAreGreatCircleMiles() {
        // Boston to New York City: about 190 miles as the crow flies
        assertThat(GreatCircle.miles(42.3601, -71.0589, 40.7128, -74.0060)).isBetween(185.0, 195.0);
        // across the antimeridian: Fiji to Samoa, about 710 miles
        assertThat(GreatCircle.miles(-18.1416, 178.4419, -13.8333, -171.7667)).isBetween(690.0, 730.0);
    }
}
