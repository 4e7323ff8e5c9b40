package io.directline.identity.signin;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins in token buckets (Bucket4j): each failure takes a token, tokens come back evenly over
 * the window. Three kinds of bucket, so that an attacker cannot lock the rightful user out:
 *
 * <ul>
 *   <li>per account and client address together: when empty, that address is refused for that account, so a
 *       guesser is stopped while the owner of the account, elsewhere, is not;
 *   <li>per client address: when empty, the address is refused for every account (one address trying many);
 *   <li>per account, from all addresses: when empty, the account is under attack and every sign-in to it waits a
 *       little before its password is checked; a correct password still gets in.
 * </ul>
 *
 * Each kind remembers at most {@code maxTracked} keys, forgetting the least recently seen first, so a flood of
 * new addresses or usernames costs bounded memory and never a scan. Kept in memory: a node restart forgives,
 * which is acceptable for a brute-force brake.
 */
@Component
public class LoginThrottle {

    /** Usernames are at most 100 characters; a longer one cannot exist, and must not cost more memory. */
    private static final int MAX_KEY_LENGTH = 100;

    private final SignInLimitProperties properties;
    private final Buckets byPair;
    private final Buckets byAddress;
    private final Buckets byAccount;

    LoginThrottle(SignInLimitProperties properties) {
        this.properties = properties;
        this.byPair = new Buckets(properties.maxFailuresPerAccount());
        this.byAddress = new Buckets(properties.maxFailuresPerAddress());
        this.byAccount = new Buckets(properties.maxFailuresPerAccount());
    }

    /** How long this address must wait before trying this account again, if it must. */
    Optional<Duration> refusal(String username, String address) {
        long waitNanos = Math.max(byPair.wait(pair(username, address)), byAddress.wait(key(address)));
        return waitNanos > 0 ? Optional.of(Duration.ofNanos(waitNanos)) : Optional.empty();
    }

    /** Whether so many sign-ins to this account failed lately, from wherever, that each attempt is slowed down. */
    boolean underAttack(String username) {
        return byAccount.wait(key(username)) > 0;
    }

    void failed(String username, String address) {
        byPair.take(pair(username, address));
        byAccount.take(key(username));
        if (address != null) {
            byAddress.take(key(address));
        }
    }

    /** The rightful user signed in from this address: their own mistakes there are forgiven; others' are not. */
    void succeeded(String username, String address) {
        byPair.forget(pair(username, address));
    }

    /** The most keys any kind of bucket holds now. */
    int tracked() {
        return Math.max(byPair.size(), Math.max(byAddress.size(), byAccount.size()));
    }

    private static String key(String value) {
        if (value == null) {
            return "";
        }
        var key = value.toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    private static String pair(String username, String address) {
        return key(username) + "\n" + key(address);
    }

    /** Buckets by key, least recently used first, never more than {@code maxTracked}. */
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

        long wait(String key) {
            Bucket bucket;
            synchronized (this) {
                bucket = buckets.get(key);
            }
            if (bucket == null) {
                return 0;
            }
            var probe = bucket.estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
        }

        void take(String key) {
            Bucket bucket;
            synchronized (this) {
                bucket = buckets.computeIfAbsent(key, k -> newBucket());
            }
            bucket.tryConsume(1);
        }

        synchronized void forget(String key) {
            buckets.remove(key);
        }

        synchronized int size() {
            return buckets.size();
        }

        private Bucket newBucket() {
            return Bucket.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(capacity)
                            .refillGreedy(capacity, properties.failureWindow())
                            .build())
                    .build();
        }
    }
}
