package dev.partnerapps.authserver;

import dev.partnerapps.application.OAuthClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

/**
 * Verifies access tokens for introspection and the platform APIs: signature and expiry, then —
 * live, on every call — not revoked, its grant not revoked, and the application still allowed
 * for the token's company. The live answers come from caches that every change to applications,
 * enablements or grants invalidates (see {@link ChangeEpoch}), so the check costs no database
 * round trip in the steady state.
 */
@Service
public class AccessTokens {

    private final JwtDecoder decoder;
    private final JdbcTemplate jdbc;
    private final ChangeEpoch epoch;
    private final TokenPolicy policy;
    private final PartnerClients clients;
    private final Clock clock;
    private final GenerationCache<String, Boolean> revoked;
    private final GenerationCache<String, Boolean> grants;
    /**
     * Tokens whose signature already verified, until they expire: an ES256 verification costs
     * about half a millisecond and a partner sends the same token many times. Only the signature
     * is remembered; the live checks run on every call.
     */
    private final ConcurrentHashMap<String, Jwt> verifiedSignatures = new ConcurrentHashMap<>();
    private static final int MAX_VERIFIED = 50_000;

    AccessTokens(JwtDecoder accessTokenDecoder, JdbcTemplate jdbc, ChangeEpoch epoch, TokenPolicy policy,
            PartnerClients clients, Clock clock) {
        this.clock = clock;
        this.decoder = accessTokenDecoder;
        this.jdbc = jdbc;
        this.epoch = epoch;
        this.policy = policy;
        this.clients = clients;
        this.revoked = new GenerationCache<>(epoch, jti -> Optional.of(exists(
                "select count(*) from oauth_revoked_access_tokens where jti = ?", jti)));
        this.grants = new GenerationCache<>(epoch, gid -> Optional.of(exists(
                "select count(*) from oauth_authorizations where id = ?", gid)));
    }

    /** The token, if it verifies and may still be used; empty for anything else. */
    public Optional<VerifiedToken> verify(String token) {
        return decode(token).flatMap(this::live);
    }

    /** Signature and time checks only. */
    Optional<Jwt> decode(String token) {
        if (token == null || token.length() > 8192 || token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        Jwt known = verifiedSignatures.get(token);
        if (known != null) {
            if (known.getExpiresAt() != null && known.getExpiresAt().isAfter(clock.instant())) {
                return Optional.of(known);
            }
            verifiedSignatures.remove(token);
            return Optional.empty();
        }
        try {
            Jwt jwt = decoder.decode(token);
            if (verifiedSignatures.size() >= MAX_VERIFIED) {
                verifiedSignatures.clear();
            }
            verifiedSignatures.put(token, jwt);
            return Optional.of(jwt);
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<VerifiedToken> live(Jwt jwt) {
        String clientId = jwt.getClaimAsString(AccessTokenClaims.CLIENT_ID);
        String company = jwt.getClaimAsString(AccessTokenClaims.COMPANY);
        if (clientId == null || company == null) {
            return Optional.empty();
        }
        if (jwt.getId() != null && revoked.get(jwt.getId()).orElse(true)) {
            return Optional.empty();
        }
        String grant = jwt.getClaimAsString(AccessTokenClaims.GRANT_ID);
        if (grant != null && !grants.get(grant).orElse(false)) {
            return Optional.empty();
        }
        Optional<OAuthClient> app = clients.applicationByKey(clientId);
        long companyId;
        try {
            companyId = Long.parseLong(company);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (app.isEmpty() || !issuedUnderCurrentGeneration(app.get(), companyId, jwt)) {
            return Optional.empty();
        }
        // Scopes the application no longer uses are gone from its tokens too.
        Set<String> scopes = new LinkedHashSet<>(scopes(jwt));
        scopes.retainAll(app.get().scopes());
        return Optional.of(new VerifiedToken(jwt.getId(), clientId, app.get().id(), companyId,
                jwt.getClaimAsString(AccessTokenClaims.COMPANY_DOMAIN), jwt.getSubject(), Set.copyOf(scopes),
                jwt.getIssuedAt(), jwt.getExpiresAt()));
    }

    /**
     * Allowed now, and issued under the enablement generation that is current now: a disable (or
     * the application going inactive, Private or back to review) starts a new generation, so a
     * token issued before it — or after it by an instance whose cache had not heard yet — never
     * works again, whatever happens later (README, "A disable is a fence").
     */
    private boolean issuedUnderCurrentGeneration(OAuthClient app, long companyId, Jwt jwt) {
        OptionalLong current = policy.allowance(app.id(), companyId);
        return current.isPresent() && current.getAsLong() == generation(jwt);
    }

    private static long generation(Jwt jwt) {
        Object generation = jwt.getClaim(AccessTokenClaims.ENABLEMENT_GENERATION);
        if (generation == null) {
            return 0;
        }
        // Anything but a whole number was not written by us: match no generation.
        return generation instanceof Long || generation instanceof Integer ? ((Number) generation).longValue() : -1;
    }

    /** RFC 7009 for an access token: remembered by its id until it would have expired. */
    void revoke(Jwt jwt) {
        if (jwt.getId() == null) {
            return;
        }
        Instant expires = jwt.getExpiresAt() == null ? clock.instant().plusSeconds(86_400) : jwt.getExpiresAt();
        try {
            jdbc.update("insert into oauth_revoked_access_tokens (jti, expires_at) values (?, ?)", jwt.getId(),
                    Timestamp.from(expires));
        } catch (DuplicateKeyException e) {
            return;
        }
        epoch.changed();
    }

    private boolean exists(String sql, String id) {
        Long count = jdbc.queryForObject(sql, Long.class, id);
        return count != null && count > 0;
    }

    private static Set<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaim("scope");
        Set<String> scopes = new LinkedHashSet<>();
        if (scope instanceof Collection<?> values) {
            values.forEach(v -> scopes.add(String.valueOf(v)));
        } else if (scope instanceof String text && !text.isBlank()) {
            scopes.addAll(List.of(text.split(" ")));
        }
        return Set.copyOf(scopes);
    }
}
