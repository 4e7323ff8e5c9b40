package io.directline.demo;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A row of the GeoNames city list shipped under {@code demo/}. */
record City(
        @JsonProperty("geonameid") long id,
        @JsonProperty("name") String name,
        @JsonProperty("country") String country,
        @JsonProperty("admin1") String region,
        @JsonProperty("latitude") double latitude,
        @JsonProperty("longitude") double longitude,
        @JsonProperty("population") long population) {}
