package io.directline.channel.outbox;

import io.directline.customer.Channel;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many messages per second each channel's provider takes from us ({@code directline.channels.rate.email=200},
 * {@code directline.channels.rate.sms=1}); a channel without a rate is not limited. A rate below one is one message
 * every so many seconds ({@code 0.2}: one every five seconds). The defaults follow the providers' published terms for
 * a company's sender: SMS 100 a second, what one Twilio short code (or a messaging service's pool of numbers) takes —
 * a single long code takes one a second, so a company on one number sets {@code sms=1}; Mastodon takes 300 posts in
 * five minutes, X about one direct message every five seconds per app; e-mail goes to our own relay.
 *
 * @param rate messages per second by channel
 */
@ConfigurationProperties("directline.channels")
record ChannelRates(Map<Channel, Double> rate) {

    static final Map<Channel, Double> DEFAULTS = Map.of(Channel.SMS, 100.0, Channel.MASTODON, 1.0, Channel.X, 0.2);

    ChannelRates {
        var merged = new EnumMap<Channel, Double>(Channel.class);
        merged.putAll(DEFAULTS);
        if (rate != null) {
            rate.forEach((channel, perSecond) -> {
                if (perSecond == null || perSecond <= 0) {
                    merged.remove(channel);
                } else {
                    merged.put(channel, perSecond);
                }
            });
        }
        rate = Map.copyOf(merged);
    }

    /** A token bucket per limited channel: a second's worth of messages at most at once. */
    Map<Channel, Bucket> buckets() {
        var buckets = new EnumMap<Channel, Bucket>(Channel.class);
        rate.forEach((channel, perSecond) -> buckets.put(channel, bucket(perSecond)));
        return buckets;
    }

    static Bucket bucket(double perSecond) {
        if (perSecond >= 1) {
            long capacity = Math.round(perSecond);
            return Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofSeconds(1)))
                    .build();
        }
        var every = Duration.ofNanos(Math.round(1_000_000_000d / perSecond));
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, every))
                .build();
    }
}
