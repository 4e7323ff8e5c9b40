package io.directline.channel.outbox;

import io.directline.customer.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this node's outbound delivery works: DOWN when an answer on a channel this node delivers has
 * waited much longer than the dispatcher's rhythm. Answers on channels no sender is configured for
 * are counted in the details (and shown on the Channels screen) without turning the node DOWN.
 */
@Component("outbox")
class OutboxHealthIndicator implements HealthIndicator {

    private final OutboundMessageRepository outbox;
    private final Set<Channel> delivered;
    private final ChannelsProperties properties;
    private final Clock clock;

    OutboxHealthIndicator(
            OutboundMessageRepository outbox,
            List<OutboundSender> senders,
            ChannelsProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.delivered = senders.stream().map(OutboundSender::channel).collect(Collectors.toUnmodifiableSet());
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
        builder.withDetail(
                "deliveredFromThisNode",
                delivered.stream().map(Enum::name).sorted().toList());
        if (!properties.enabled() || delivered.isEmpty()) {
            return builder.build();
        }
        var oldest = outbox.findFirstByStatusAndNextAttemptAtLessThanEqualAndChannelInOrderByNextAttemptAt(
                OutboxStatus.QUEUED, now, delivered);
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
                                        + " minutes although this node delivers that channel.")
                        .build();
            }
        }
        return builder.build();
    }
}
