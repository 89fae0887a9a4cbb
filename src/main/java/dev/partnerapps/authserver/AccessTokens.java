package dev.partnerapps.authserver;

import dev.partnerapps.application.OAuthClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
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
    private final GenerationCache<String, Boolean> revoked;
    private final GenerationCache<String, Boolean> grants;
    private final GenerationCache<Long, java.util.Map<Long, Instant>> cutoffs;
    /**
     * Tokens whose signature already verified, until they expire: an ES256 verification costs
     * about half a millisecond and a partner sends the same token many times. Only the signature
     * is remembered; the live checks run on every call.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Jwt> verifiedSignatures =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_VERIFIED = 50_000;

    AccessTokens(JwtDecoder accessTokenDecoder, JdbcTemplate jdbc, ChangeEpoch epoch, TokenPolicy policy,
            PartnerClients clients) {
        this.decoder = accessTokenDecoder;
        this.jdbc = jdbc;
        this.epoch = epoch;
        this.policy = policy;
        this.clients = clients;
        this.revoked = new GenerationCache<>(epoch, jti -> Optional.of(exists(
                "select count(*) from oauth_revoked_access_tokens where jti = ?", jti)));
        this.grants = new GenerationCache<>(epoch, gid -> Optional.of(exists(
                "select count(*) from oauth_authorizations where id = ?", gid)));
        this.cutoffs = new GenerationCache<>(epoch, appId -> {
            java.util.Map<Long, Instant> byCompany = new java.util.HashMap<>();
            jdbc.query("select company_id, not_before from oauth_token_cutoffs where application_id = ?",
                    rs -> {
                        byCompany.put(rs.getLong("company_id"), rs.getTimestamp("not_before").toInstant());
                    }, appId);
            return Optional.of(java.util.Map.copyOf(byCompany));
        });
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
            if (known.getExpiresAt() != null && known.getExpiresAt().isAfter(Instant.now())) {
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
        if (app.isEmpty() || !policy.isAllowed(app.get().id(), companyId) || cutOff(app.get(), companyId, jwt)) {
            return Optional.empty();
        }
        // Scopes the application no longer uses are gone from its tokens too.
        Set<String> scopes = new LinkedHashSet<>(scopes(jwt));
        scopes.retainAll(app.get().scopes());
        return Optional.of(new VerifiedToken(jwt.getId(), clientId, app.get().id(), companyId,
                jwt.getClaimAsString(AccessTokenClaims.COMPANY_DOMAIN), jwt.getSubject(), Set.copyOf(scopes),
                jwt.getIssuedAt(), jwt.getExpiresAt()));
    }

    /** Issued before the application was disabled, deactivated or made Private for this company. */
    private boolean cutOff(OAuthClient app, long companyId, Jwt jwt) {
        java.util.Map<Long, Instant> byCompany = cutoffs.get(app.id()).orElse(java.util.Map.of());
        if (byCompany.isEmpty()) {
            return false;
        }
        Instant issued = issuedAt(jwt);
        return isAtOrBefore(issued, byCompany.get(companyId))
                || isAtOrBefore(issued, byCompany.get(GrantRevocations.ALL_COMPANIES))
                || (companyId != app.ownerCompanyId() && isAtOrBefore(issued, byCompany.get(GrantRevocations.OTHER_COMPANIES)));
    }

    private static Instant issuedAt(Jwt jwt) {
        Object millis = jwt.getClaim(AccessTokenClaims.ISSUED_MS);
        if (millis instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        return jwt.getIssuedAt() == null ? Instant.EPOCH : jwt.getIssuedAt();
    }

    private static boolean isAtOrBefore(Instant issued, Instant cutoff) {
        return cutoff != null && !issued.isAfter(cutoff);
    }

    /** RFC 7009 for an access token: remembered by its id until it would have expired. */
    void revoke(Jwt jwt) {
        if (jwt.getId() == null) {
            return;
        }
        Instant expires = jwt.getExpiresAt() == null ? Instant.now().plusSeconds(86_400) : jwt.getExpiresAt();
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
            scopes.addAll(java.util.List.of(text.split(" ")));
        }
        return Set.copyOf(scopes);
    }
}
