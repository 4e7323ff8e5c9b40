package io.directline.channel;

import io.directline.customer.Channel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Remembers which case each channel key belongs to, and finds it again. */
@Component
class ThreadKeys {

    static final int MAX_LENGTH = 400;

    private final ThreadKeyRepository keys;
    private final Clock clock;

    ThreadKeys(ThreadKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    Optional<Long> caseOf(Channel channel, String key) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return keys.findById(new ThreadKey.Id(channel, key)).map(ThreadKey::caseId);
    }

    /** Points the key at the case, moving it when it named another case (a closed one) before. */
    @Transactional
    void remember(Channel channel, String key, long caseId) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            return;
        }
        keys.findById(new ThreadKey.Id(channel, key))
                .ifPresentOrElse(
                        existing -> existing.pointTo(caseId),
                        () -> keys.save(new ThreadKey(channel, key, caseId, clock.instant())));
    }

    /** The case's keys on a channel, oldest first (the References chain of an e-mail thread). */
    List<String> of(long caseId, Channel channel) {
        return keys.findByCase(caseId, channel).stream().map(ThreadKey::key).toList();
    }
}
