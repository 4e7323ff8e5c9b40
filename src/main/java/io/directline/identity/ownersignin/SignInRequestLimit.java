package io.directline.identity.ownersignin;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Rate limits for owners' sign-in (Bucket4j token buckets): codes asked for per handle, and codes asked for or tried
 * per client address. Checked before anyone looks the handle up, so a refusal says nothing about whether it exists.
 * Each kind remembers at most {@code maxTracked} keys, least recently seen forgotten first (bounded memory). Kept in
 * memory per node: a restart forgives, which is acceptable for a brake on floods and guessing.
 */
@Component
class SignInRequestLimit {

    private static final int MAX_KEY_LENGTH = 320;

    private final OwnerSignInProperties properties;
    private final Buckets byHandle;
    private final Buckets byAddress;

    SignInRequestLimit(OwnerSignInProperties properties) {
        this.properties = properties;
        this.byHandle = new Buckets(properties.maxRequestsPerHandle());
        this.byAddress = new Buckets(properties.maxRequestsPerAddress());
    }

    /** Takes a request for a code; empty when allowed, else how long to wait. */
    Optional<Duration> requestCode(String handleKey, String address) {
        var addressWait = byAddress.take(key(address));
        if (addressWait.isPresent()) {
            return addressWait;
        }
        return byHandle.take(key(handleKey));
    }

    /** Takes an attempt at a code or link from an address; empty when allowed, else how long to wait. */
    Optional<Duration> attempt(String address) {
        return byAddress.take(key(address));
    }

    private static String key(String value) {
        if (value == null) {
            return "";
        }
        var key = value.toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    private final class Buckets {

        private final int capacity;
        private final Map<String, Bucket> buckets;

        Buckets(int capacity) {
            this.capacity = capacity;
            int max = properties.maxTracked();
            this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > max;
                }
            };
        }

        Optional<Duration> take(String key) {
            Bucket bucket;
            synchronized (this) {
                bucket = buckets.computeIfAbsent(
                        key,
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(capacity)
                                        .refillGreedy(capacity, properties.requestWindow())
                                        .build())
                                .build());
            }
            var probe = bucket.tryConsumeAndReturnRemaining(1);
            return probe.isConsumed()
                    ? Optional.empty()
                    : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
