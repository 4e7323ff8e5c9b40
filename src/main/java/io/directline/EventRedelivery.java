package io.directline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Delivers again, on a schedule, the events whose listener failed (Spring Modulith resubmits incomplete
 * publications by itself only at start-up), and tells how many wait: the {@code eventPublications} health
 * (DOWN while one has waited longer than {@code directline.events.stuck-after}) and the
 * {@code directline.events.incomplete} gauge. Listeners take an event twice without harm (an event may also
 * be delivered again by another node that resubmits at the same moment).
 */
@Component("eventPublications")
class EventRedelivery implements SchedulingConfigurer, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final EventsProperties properties;
    private final Clock clock;

    EventRedelivery(
            IncompleteEventPublications incomplete,
            JdbcClient jdbc,
            EventsProperties properties,
            MeterRegistry metrics,
            Clock clock) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("directline.events.incomplete", this, r -> r.waiting().count())
                .description("Event deliveries to a listener that have not completed yet")
                .register(metrics);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::resubmitSafely, properties.resubmitInterval());
    }

    private void resubmitSafely() {
        try {
            resubmit();
        } catch (RuntimeException e) {
            log.warn("Resubmitting undelivered events failed; trying again in {}", properties.resubmitInterval(), e);
        }
    }

    /** Delivers again the events waiting longer than {@code resubmit-after}; returns how many there were. */
    long resubmit() {
        var now = clock.instant();
        var waiting = waiting();
        if (waiting.oldest() != null && waiting.oldest().isBefore(now.minus(properties.stuckAfter()))) {
            log.warn(
                    "{} event deliveries have not completed; the oldest was published at {}",
                    waiting.count(),
                    waiting.oldest());
        }
        if (waiting.oldest() == null || !waiting.oldest().isBefore(now.minus(properties.resubmitAfter()))) {
            return 0;
        }
        long due = jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and publication_date < ?")
                .param(Timestamp.from(now.minus(properties.resubmitAfter())))
                .query(Long.class)
                .single();
        log.info("Delivering again {} events not delivered within {}", due, properties.resubmitAfter());
        incomplete.resubmitIncompletePublicationsOlderThan(properties.resubmitAfter());
        return due;
    }

    record Waiting(long count, Instant oldest) {}

    Waiting waiting() {
        return jdbc.sql("select count(*), min(publication_date) from event_publication where completion_date is null")
                .query((rs, n) -> {
                    var oldest = rs.getObject(2, OffsetDateTime.class);
                    return new Waiting(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    @Override
    public Health health() {
        var waiting = waiting();
        var now = clock.instant();
        var builder = Health.up().withDetail("incomplete", waiting.count());
        if (waiting.oldest() != null) {
            var age = Duration.between(waiting.oldest(), now);
            builder.withDetail(
                            "oldestPublishedAt",
                            waiting.oldest().atOffset(ZoneOffset.UTC).toString())
                    .withDetail("oldestWaitingSeconds", Math.max(0, age.toSeconds()));
            if (age.compareTo(properties.stuckAfter()) > 0) {
                return builder.down()
                        .withDetail(
                                "reason",
                                "An event has waited " + age.toMinutes() + " minutes for its listener; it is"
                                        + " delivered again every " + properties.resubmitInterval() + ".")
                        .build();
            }
        }
        return builder.build();
    }
}
