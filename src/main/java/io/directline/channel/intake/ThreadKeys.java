package io.directline.channel.intake;

import io.directline.cases.CaseManagement;
import io.directline.customer.Channel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which case each channel key belongs to, and finds it again. A key belongs to the owner whose
 * case first had it: anyone can quote a key (a Message-ID, a status id), so a stranger's message never
 * moves it to their own case.
 */
@Component
public class ThreadKeys {

    static final int MAX_LENGTH = 400;

    private final ThreadKeyRepository keys;
    private final CaseManagement cases;
    private final Clock clock;

    ThreadKeys(ThreadKeyRepository keys, CaseManagement cases, Clock clock) {
        this.keys = keys;
        this.cases = cases;
        this.clock = clock;
    }

    Optional<Long> caseOf(Channel channel, String key) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return keys.findById(new ThreadKey.Id(channel, key)).map(ThreadKey::caseId);
    }

    /**
     * Points the key at the case. A key that named another case moves only when both are the same owner's
     * (a closed case and the one that follows it); a key of another owner stays where it is.
     */
    @Transactional
    public void remember(Channel channel, String key, long caseId) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            return;
        }
        keys.findById(new ThreadKey.Id(channel, key))
                .ifPresentOrElse(
                        existing -> {
                            if (existing.caseId() != caseId && sameOwner(existing.caseId(), caseId)) {
                                existing.pointTo(caseId);
                            }
                        },
                        () -> keys.save(new ThreadKey(channel, key, caseId, clock.instant())));
    }

    private boolean sameOwner(long oneCase, long otherCase) {
        return cases.get(oneCase).getCustomerId().equals(cases.get(otherCase).getCustomerId());
    }

    /** The case's keys on a channel, oldest first (the References chain of an e-mail thread). */
    public List<String> of(long caseId, Channel channel) {
        return keys.findByCase(caseId, channel).stream().map(ThreadKey::key).toList();
    }
}
