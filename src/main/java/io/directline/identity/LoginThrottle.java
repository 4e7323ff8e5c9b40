package io.directline.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address in token buckets (Bucket4j): each failure
 * takes a token, tokens come back evenly over the window, and an empty bucket refuses further attempts
 * until one returns. Kept in memory: a node restart forgives, which is acceptable for a brute-force brake.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final IdentityProperties properties;
    private final Map<String, Bucket> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(IdentityProperties properties) {
        this.properties = properties;
    }

    /** How long the caller must wait before trying again, if they must. */
    Optional<Duration> refusal(String username, String address) {
        long waitNanos = Math.max(wait(byAccount, key(username)), wait(byAddress, address));
        return waitNanos > 0 ? Optional.of(Duration.ofNanos(waitNanos)) : Optional.empty();
    }

    void failed(String username, String address) {
        bucket(byAccount, key(username), properties.maxFailuresPerAccount()).tryConsume(1);
        if (address != null) {
            bucket(byAddress, address, properties.maxFailuresPerAddress()).tryConsume(1);
        }
    }

    void succeeded(String username) {
        byAccount.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private static long wait(Map<String, Bucket> buckets, String key) {
        if (key == null) {
            return 0;
        }
        var bucket = buckets.get(key);
        if (bucket == null) {
            return 0;
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= capacity);
        }
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, properties.failureWindow())
                                .build())
                        .build());
    }
}
