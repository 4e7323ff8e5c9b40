package io.directline.channel;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Outbound delivery is healthy while nothing due waits much longer than the dispatcher's rhythm; a row
 * overdue by more than the lease means no node is delivering (all down, or no sender configured).
 */
@Component("outbox")
class OutboxHealthIndicator implements HealthIndicator {

    private final OutboundMessageRepository outbox;
    private final ChannelsProperties properties;
    private final Clock clock;

    OutboxHealthIndicator(OutboundMessageRepository outbox, ChannelsProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        var now = clock.instant();
        var builder = Health.up();
        outbox.countUnsent()
                .forEach(c -> builder.withDetail(
                        c.channel().name().toLowerCase() + "."
                                + c.status().name().toLowerCase(),
                        c.count()));
        var oldest =
                outbox.findFirstByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(OutboxStatus.QUEUED, now);
        if (oldest.isPresent()) {
            var overdue = Duration.between(oldest.get().getNextAttemptAt(), now);
            builder.withDetail("oldestDueSeconds", overdue.toSeconds());
            if (overdue.compareTo(
                            properties.lease().plus(properties.pollInterval().multipliedBy(10)))
                    > 0) {
                return builder.down()
                        .withDetail(
                                "reason",
                                "An answer on " + oldest.get().getChannel() + " has waited " + overdue.toMinutes()
                                        + " minutes: no node delivers that channel.")
                        .build();
            }
        }
        return builder.build();
    }
}
