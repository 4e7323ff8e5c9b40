package io.directline.demo;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data.
 *
 * @param enabled load demo data at the first start (on for the embedded database, off on PostgreSQL)
 * @param owners how many demo owners to create
 * @param cases how many demo cases to create
 * @param password the password of every demo login; when empty, one is generated at the first start and printed
 *     once to the console, so that no published password opens a fresh install
 * @param seed the random seed, so every fresh start shows the same data
 */
@Validated
@ConfigurationProperties("directline.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("2000") @Min(1) int owners,
        @DefaultValue("1200") @Min(1) int cases,
        String password,
        @DefaultValue("20261122") long seed) {}
