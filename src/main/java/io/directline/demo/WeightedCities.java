package io.directline.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Picks cities at random, weighted by population, so demo owners live where people live. */
final class WeightedCities {

    private final List<City> cities;
    private final long[] cumulative;

    WeightedCities(List<City> cities) {
        if (cities.isEmpty()) {
            throw new IllegalArgumentException("no cities to pick from");
        }
        this.cities = List.copyOf(cities);
        this.cumulative = new long[cities.size()];
        long sum = 0;
        for (int i = 0; i < cities.size(); i++) {
            sum += Math.max(1, cities.get(i).population());
            cumulative[i] = sum;
        }
    }

    City pick(Random random) {
        long target = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
        int i = Arrays.binarySearch(cumulative, target + 1);
        return cities.get(i >= 0 ? i : -i - 1);
    }

    int size() {
        return cities.size();
    }
}
