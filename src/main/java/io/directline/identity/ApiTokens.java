package io.directline.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, revokes and checks personal API tokens. */
@Service
@Transactional(readOnly = true)
class ApiTokens {

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, UserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    record IssuedToken(ApiToken token, String secret) {}

    @Transactional
    IssuedToken issue(long userId, String name, Duration lifetime) {
        var secret = ApiToken.newSecret();
        var now = clock.instant();
        var token = tokens.save(
                new ApiToken(userId, name, ApiToken.digest(secret), now, lifetime == null ? null : now.plus(lifetime)));
        return new IssuedToken(token, secret);
    }

    List<ApiToken> of(long userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId);
    }

    @Transactional
    void revoke(long userId, long tokenId) {
        var token = tokens.findByIdAndUserId(tokenId, userId).orElseThrow(() -> UserProblems.tokenNotFound(tokenId));
        tokens.delete(token);
    }

    /** The enabled user a bearer secret belongs to: one lookup by the secret's indexed digest. */
    @Transactional
    Optional<DirectLineUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(ApiToken.PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        var now = clock.instant();
        return tokens.findByTokenHash(ApiToken.digest(secret))
                .filter(t -> !t.isExpired(now))
                .flatMap(t -> {
                    t.touch(now);
                    return users.findById(t.getUserId());
                })
                .filter(UserAccount::isEnabled)
                .map(UserAccount::toPrincipal);
    }
}
