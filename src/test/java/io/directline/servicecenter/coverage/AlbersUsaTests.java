package io.directline.servicecenter.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The projection against d3-geo 3's own answers: {@code geoAlbersUsa().scale(1300).translate([487.5, 305])} run in
 * node on these points (the lower 48, Alaska's and Hawaii's insets), so owners and centers land on us-atlas's
 * pre-projected state outlines.
 */
class AlbersUsaTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "New York, -74.006, 40.7128, 869.7187650199265, 215.74052187301095",
        "Los Angeles, -118.2437, 34.0522, 86.81213082282801, 363.1188798692003",
        "the centre, -96, 38.7, 498.021928239679, 305.0332120209679",
        "San Francisco, -122.4194, 37.7749, 34.84109325358304, 261.43554026274137",
        "Miami, -80.1918, 25.7617, 822.7383158297632, 572.5407791128295",
        "northern Maine, -69.0, 47.0, 912.1366588437714, 56.59816718890261",
        "Anchorage (inset), -149.9003, 61.2181, 112.277427569713, 544.2779162203778",
        "Honolulu (inset), -157.8583, 21.3069, 266.95994676863154, 549.1903729395863"
    })
    void projectsAsD3GeoAlbersUsaDoes(String place, double lon, double lat, double x, double y) {
        var p = AlbersUsa.project(lon, lat);
        assertThat(p).as(place).isNotNull();
        assertThat(p[0]).as(place + " x").isCloseTo(x, within(1e-6));
        assertThat(p[1]).as(place + " y").isCloseTo(y, within(1e-6));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Greenwich, 0, 51.48", "Tokyo, 139.69, 35.69", "Sydney, 151.21, -33.87"})
    void leavesPointsOffTheMapWhereD3Does(String place, double lon, double lat) {
        assertThat(AlbersUsa.project(lon, lat)).as(place).isNull();
    }
}
