package io.directline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightedCitiesTests {

    @Test
    void picksCitiesInProportionToTheirPopulation() {
        var big = new City(1, "Big", "US", "NY", 40.7, -74.0, 9_000_000);
        var small = new City(2, "Small", "US", "VT", 44.5, -73.2, 1_000_000);
        var cities = new WeightedCities(List.of(small, big));
        var random = new Random(1);
        int bigPicks = 0;
        for (int i = 0; i < 10_000; i++) {
            if (cities.pick(random) == big) {
                bigPicks++;
            }
        }
        assertThat(bigPicks).isBetween(8_700, 9_300);
    }

    @Test
    void everyCityCanBePicked() {
        var a = new City(1, "A", "US", "NY", 0, 0, 1);
        var b = new City(2, "B", "US", "NY", 0, 0, 1);
        var cities = new WeightedCities(List.of(a, b));
        var random = new Random(2);
        var seen = new java.util.HashSet<City>();
        for (int i = 0; i < 100; i++) {
            seen.add(cities.pick(random));
        }
        assertThat(seen).containsExactlyInAnyOrder(a, b);
    }
}
