package io.directline.identity.token;

import io.directline.identity.DirectLineUser;
import io.directline.identity.user.UserAccount;
import io.directline.identity.user.UserProblems;
import io.directline.identity.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, revokes and checks personal API tokens. */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, UserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    public record IssuedToken(ApiToken token, String secret) {}

    /** Whom a bearer secret authenticates, and until when (null: until revoked). */
    public record Bearer(DirectLineUser user, Instant expiresAt) {}

    /** Issues a token for a user signed in with their password; {@code lifetime} null for one that never expires. */
    @Transactional
    public IssuedToken issue(long userId, String name, Duration lifetime) {
        return issue(userId, name, lifetime, null);
    }

    /**
     * Issues a token, for a request that may itself be authenticated by a token expiring at {@code ceiling} (null
     * when it was not, or its token never expires): the new token may not outlive it. Without a lifetime it
     * expires with it; a longer lifetime is a 400 problem saying the longest allowed.
     */
    @Transactional
    public IssuedToken issue(long userId, String name, Duration lifetime, Instant ceiling) {
        // as the database keeps it, so the answer shows the times that later listings show
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var expiresAt = lifetime == null ? ceiling : now.plus(lifetime);
        if (ceiling != null && expiresAt.isAfter(ceiling)) {
            throw UserProblems.tokenOutlivesItsIssuer(ceiling, Duration.between(now, ceiling));
        }
        var secret = ApiToken.newSecret();
        var token = tokens.save(new ApiToken(userId, name, ApiToken.digest(secret), now, expiresAt));
        return new IssuedToken(token, secret);
    }

    List<ApiToken> of(long userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId);
    }

    @Transactional
    public void revoke(long userId, long tokenId) {
        var token = tokens.findByIdAndUserId(tokenId, userId).orElseThrow(() -> UserProblems.tokenNotFound(tokenId));
        tokens.delete(token);
    }

    /** The enabled user a bearer secret belongs to, with the token's expiry: one lookup by the secret's indexed digest. */
    @Transactional
    public Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith(ApiToken.PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        var now = clock.instant();
        return tokens.findByTokenHash(ApiToken.digest(secret))
                .filter(t -> !t.isExpired(now))
                .flatMap(t -> {
                    t.touch(now);
                    return users.findById(t.getUserId())
                            .filter(UserAccount::isEnabled)
                            .map(u -> new Bearer(u.toPrincipal(), t.getExpiresAt()));
                });
    }
}
