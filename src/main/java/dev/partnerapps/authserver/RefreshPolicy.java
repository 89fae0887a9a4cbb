package dev.partnerapps.authserver;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Component;

/**
 * The refresh rules Spring Authorization Server leaves out (docs/product.md section 5):
 * <ul>
 * <li>rotation with reuse detection: every refresh replaces the refresh token, and a replaced
 * token presented again revokes its whole grant — as does a second, concurrent refresh with the
 * same token;</li>
 * <li>an absolute lifetime: the grant ends when its first refresh token would have expired,
 * however often it is rotated;</li>
 * <li>a code used twice ends the grant it gave.</li>
 * </ul>
 * Replaced refresh tokens are remembered by digest until their grant would have expired.
 * {@link GrantStore} asks these questions while it reads and writes grants.
 */
@Component
class RefreshPolicy {

    /** How long a replaced refresh token is remembered when its grant has no end (it always has one). */
    private static final Duration REMEMBER_WITHOUT_END = Duration.ofDays(1);

    /** What to store of a grant's refresh lifetime: when its current refresh token expires, and the grant. */
    record Lifetime(Instant refreshExpires, Instant grantExpires) {
    }

    private final JdbcTemplate jdbc;
    private final GrantDeletions deletions;
    private final Clock clock;

    RefreshPolicy(JdbcTemplate jdbc, GrantDeletions deletions, Clock clock) {
        this.jdbc = jdbc;
        this.deletions = deletions;
        this.clock = clock;
    }

    /**
     * Spring Authorization Server invalidates the refresh token when a code is used twice: the
     * whole grant must go rather than be saved.
     */
    static boolean endsGrant(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
        return refresh != null && refresh.isInvalidated();
    }

    /**
     * The lifetime to store for a refresh token expiring at {@code offered}, in a grant that ends at
     * {@code grantExpires} (null while it has had no refresh token): the first refresh token sets
     * the grant's end, and no later one outlives it.
     */
    static Lifetime lifetime(Instant grantExpires, Instant offered) {
        Instant grantEnd = grantExpires != null ? grantExpires : offered;
        Instant refreshEnd = offered != null && grantEnd != null && offered.isAfter(grantEnd) ? grantEnd : offered;
        return new Lifetime(refreshEnd, grantEnd);
    }

    /**
     * A grant was saved with the refresh token digest {@code current} where it had {@code previous}:
     * if that is a rotation, the previous token is remembered as replaced until the grant ends.
     */
    void saved(String authorizationId, String previous, String current, Instant grantExpires) {
        if (previous == null || current == null || previous.equals(current)) {
            return;
        }
        Instant until = grantExpires != null ? grantExpires : clock.instant().plus(REMEMBER_WITHOUT_END);
        jdbc.update("insert into oauth_replaced_refresh_tokens (token_hash, authorization_id, expires_at) values (?, ?, ?)",
                previous, authorizationId, Timestamp.from(until));
    }

    /**
     * The grant changed since it was read, before this save could write it: with refresh tokens that
     * means the same token was used twice at once. Treated as reuse: the grant ends, and the answer
     * to throw is {@code invalid_grant}.
     */
    OAuth2AuthenticationException changedConcurrently(String authorizationId) {
        deletions.grant(authorizationId);
        return new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
    }

    /**
     * A refresh token (by digest) that is no grant's current one was presented: if rotation
     * replaced it, someone replays it, and its grant is revoked.
     */
    void notCurrent(String refreshDigest) {
        List<String> replaced = jdbc.queryForList(
                "select authorization_id from oauth_replaced_refresh_tokens where token_hash = ?", String.class,
                refreshDigest);
        replaced.forEach(deletions::grant);
    }

    /** Replaced refresh tokens whose grant has ended anyway: nobody can replay them to any effect. */
    int forgetExpired(Instant now) {
        return jdbc.update("delete from oauth_replaced_refresh_tokens where expires_at < ?", Timestamp.from(now));
    }
}
