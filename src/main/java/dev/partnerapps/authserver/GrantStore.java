package dev.partnerapps.authserver;

import dev.partnerapps.application.Sha256;
import dev.partnerapps.company.PartnerUser;
import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization server's {@link OAuth2AuthorizationService}: stores the grants of the
 * authorization code flow as rows — never a token value, only SHA-256 digests — and reads them
 * back. The refresh rules it applies while doing so (rotation, reuse detection, lifetimes) are
 * {@link RefreshPolicy}'s; deleting a grant is {@link GrantDeletions}'.
 * <ul>
 * <li>client_credentials tokens are not stored at all: they are self-contained JWTs, checked
 * live on use; storing each would cost a write per token for nothing;</li>
 * <li>saves are conditional on the version that was read, so the policy hears of a grant that
 * changed in between (two concurrent refreshes with the same token);</li>
 * <li>the user is read afresh on every load, so a disabled user's grants stop working; and a
 * grant made for the user as they were before a disable (a request under way while the disable
 * committed) stays unusable after a re-enable: it carries an older access generation.</li>
 * </ul>
 * Values we only know by digest travel inside {@link OAuth2Authorization} with the
 * {@link #DIGEST} prefix; nothing in the server compares them.
 */
@Component
class GrantStore implements OAuth2AuthorizationService {

    static final String DIGEST = "sha256:";
    private static final String VERSION = GrantStore.class.getName() + ".version";
    private static final String STORED_REFRESH = GrantStore.class.getName() + ".refresh";
    private static final String GRANT_EXPIRES = GrantStore.class.getName() + ".grantExpires";
    private static final String COLUMNS = """
            id, application_id, principal_name, authorized_scopes, request_json, state_hash, code_hash,
            code_issued_at, code_expires_at, code_invalidated, refresh_hash, refresh_issued_at,
            refresh_expires_at, grant_expires_at, user_generation, version
            """;

    private final JdbcTemplate jdbc;
    private final PartnerClients clients;
    private final UserDetailsService users;
    private final RefreshPolicy refresh;
    private final GrantDeletions deletions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final TransactionTemplate transactions;

    GrantStore(JdbcTemplate jdbc, PartnerClients clients, UserDetailsService users, RefreshPolicy refresh,
            GrantDeletions deletions, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clients = clients;
        this.users = users;
        this.refresh = refresh;
        this.deletions = deletions;
        this.clock = clock;
    }

    record StoredRequest(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
            Map<String, String> additionalParameters) {
    }

    /**
     * Not a {@code @Transactional} method: a transaction would take a pooled connection for every
     * client_credentials token too, which stores nothing — and through a database outage those
     * tokens are still issued (README, "When the database is away").
     */
    @Override
    public void save(OAuth2Authorization authorization) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            return;
        }
        // What the refusal of a stale grant has already written (its removal) must commit too.
        OAuth2AuthenticationException refused = transactions.execute(status -> {
            try {
                store(authorization);
                return null;
            } catch (OAuth2AuthenticationException e) {
                return e;
            }
        });
        if (refused != null) {
            throw refused;
        }
    }

    private void store(OAuth2Authorization authorization) {
        if (RefreshPolicy.endsGrant(authorization)) {
            remove(authorization);
            return;
        }
        Long version = authorization.getAttribute(VERSION);
        if (version == null) {
            insert(authorization);
        } else {
            update(authorization, version);
        }
    }

    private void insert(OAuth2Authorization authorization) {
        PartnerUser user = user(authorization);
        Row row = Row.of(authorization, json);
        RefreshPolicy.Lifetime lifetime = RefreshPolicy.lifetime(null, instant(row.refreshExpiresAt));
        jdbc.update("""
                insert into oauth_authorizations (id, application_id, user_id, company_id, principal_name,
                    authorized_scopes, request_json, state_hash, code_hash, code_issued_at, code_expires_at,
                    code_invalidated, refresh_hash, refresh_issued_at, refresh_expires_at, grant_expires_at,
                    user_generation, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, authorization.getId(), Long.valueOf(authorization.getRegisteredClientId()), user.getUserId(),
                user.getCompanyId(), authorization.getPrincipalName(), row.scopes, row.requestJson, row.stateHash,
                row.codeHash, row.codeIssuedAt, row.codeExpiresAt, row.codeInvalidated, row.refreshHash,
                row.refreshIssuedAt, timestamp(lifetime.refreshExpires()), timestamp(lifetime.grantExpires()),
                user.getAccessGeneration(), Timestamp.from(clock.instant()));
    }

    private void update(OAuth2Authorization authorization, long version) {
        Row row = Row.of(authorization, json);
        Timestamp grantExpires = authorization.getAttribute(GRANT_EXPIRES);
        RefreshPolicy.Lifetime lifetime = RefreshPolicy.lifetime(instant(grantExpires), instant(row.refreshExpiresAt));
        int updated = jdbc.update("""
                update oauth_authorizations set authorized_scopes = ?, request_json = ?, state_hash = ?, code_hash = ?,
                    code_issued_at = ?, code_expires_at = ?, code_invalidated = ?, refresh_hash = ?,
                    refresh_issued_at = ?, refresh_expires_at = ?, grant_expires_at = ?, version = version + 1
                where id = ? and version = ?
                """, row.scopes, row.requestJson, row.stateHash, row.codeHash, row.codeIssuedAt, row.codeExpiresAt,
                row.codeInvalidated, row.refreshHash, row.refreshIssuedAt, timestamp(lifetime.refreshExpires()),
                timestamp(lifetime.grantExpires()), authorization.getId(), version);
        if (updated == 0) {
            throw refresh.changedConcurrently(authorization.getId());
        }
        refresh.saved(authorization.getId(), authorization.getAttribute(STORED_REFRESH), row.refreshHash,
                lifetime.grantExpires());
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        deletions.grant(authorization.getId());
    }

    /** The grant of a current refresh token, without the replay check: for introspection and revocation. */
    OAuth2Authorization findByRefreshTokenQuietly(String token) {
        if (!StringUtils.hasText(token) || token.length() > 4096) {
            return null;
        }
        return byColumn("refresh_hash", Sha256.hex(token));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return first(jdbc.query("select " + COLUMNS + " from oauth_authorizations where id = ?", this::map, id));
    }

    @Override
    @Transactional
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (!StringUtils.hasText(token) || token.length() > 4096) {
            return null;
        }
        String digest = Sha256.hex(token);
        if (tokenType == null) {
            OAuth2Authorization found = byColumn("state_hash", digest);
            found = found != null ? found : byColumn("code_hash", digest);
            return found != null ? found : byRefreshToken(digest);
        }
        return switch (tokenType.getValue()) {
            case OAuth2ParameterNames.STATE -> byColumn("state_hash", digest);
            case OAuth2ParameterNames.CODE -> byColumn("code_hash", digest);
            case OAuth2ParameterNames.REFRESH_TOKEN -> byRefreshToken(digest);
            default -> null;
        };
    }

    private OAuth2Authorization byRefreshToken(String digest) {
        OAuth2Authorization found = byColumn("refresh_hash", digest);
        if (found == null) {
            refresh.notCurrent(digest);
        }
        return found;
    }

    private OAuth2Authorization byColumn(String column, String digest) {
        return first(jdbc.query("select " + COLUMNS + " from oauth_authorizations where " + column + " = ?",
                this::map, digest));
    }

    private static OAuth2Authorization first(List<OAuth2Authorization> found) {
        return found.isEmpty() ? null : found.get(0);
    }

    private OAuth2Authorization map(ResultSet rs, int row) throws SQLException {
        RegisteredClient client = clients.findById(rs.getString("application_id"));
        Authentication principal = principal(rs.getString("principal_name"), rs.getLong("user_generation"));
        if (client == null || principal == null) {
            return null;
        }
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(rs.getString("id"))
                .principalName(rs.getString("principal_name"))
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(split(rs.getString("authorized_scopes")))
                .attribute(Principal.class.getName(), principal)
                .attribute(VERSION, rs.getLong("version"));
        Timestamp grantExpires = rs.getTimestamp("grant_expires_at");
        if (grantExpires != null) {
            builder.attribute(GRANT_EXPIRES, grantExpires);
        }
        String request = rs.getString("request_json");
        if (request != null) {
            builder.attribute(OAuth2AuthorizationRequest.class.getName(), request(request));
        }
        String state = rs.getString("state_hash");
        if (state != null) {
            builder.attribute(OAuth2ParameterNames.STATE, DIGEST + state);
        }
        String code = rs.getString("code_hash");
        if (code != null) {
            boolean invalidated = rs.getBoolean("code_invalidated");
            builder.token(new OAuth2AuthorizationCode(DIGEST + code, instant(rs, "code_issued_at"),
                    instant(rs, "code_expires_at")),
                    metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated));
        }
        String refresh = rs.getString("refresh_hash");
        if (refresh != null) {
            Instant issued = instant(rs, "refresh_issued_at");
            builder.refreshToken(new OAuth2RefreshToken(DIGEST + refresh, issued, instant(rs, "refresh_expires_at")));
            builder.attribute(STORED_REFRESH, refresh);
            // Access tokens are self-contained and not stored; the server still expects one beside
            // a refresh token (it invalidates both together), so a stand-in that is never sent.
            builder.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, DIGEST + "not-stored", issued,
                    issued.plusSeconds(1)));
        }
        return builder.build();
    }

    /** The user, read now: a disabled or deleted user, or one disabled since the grant, has no usable grant. */
    private Authentication principal(String email, long grantedGeneration) {
        try {
            UserDetails user = users.loadUserByUsername(email);
            if (!user.isEnabled() || !(user instanceof PartnerUser partner)
                    || partner.getAccessGeneration() != grantedGeneration) {
                return null;
            }
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private static PartnerUser user(OAuth2Authorization authorization) {
        Authentication principal = authorization.getAttribute(Principal.class.getName());
        if (principal == null || !(principal.getPrincipal() instanceof PartnerUser user)) {
            throw new IllegalStateException("An authorization code grant needs a signed-in partner user");
        }
        return user;
    }

    private OAuth2AuthorizationRequest request(String stored) {
        StoredRequest r = json.readValue(stored, StoredRequest.class);
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(r.authorizationUri())
                .clientId(r.clientId())
                .redirectUri(r.redirectUri())
                .scopes(r.scopes())
                .state(r.state())
                .additionalParameters(params -> params.putAll(r.additionalParameters()))
                .build();
    }

    private static Set<String> split(String scopes) {
        return scopes == null || scopes.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getTimestamp(column));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The columns of one authorization, token values replaced by their digests. */
    private record Row(String scopes, String requestJson, String stateHash, String codeHash, Timestamp codeIssuedAt,
            Timestamp codeExpiresAt, boolean codeInvalidated, String refreshHash, Timestamp refreshIssuedAt,
            Timestamp refreshExpiresAt) {

        static Row of(OAuth2Authorization authorization, JsonMapper json) {
            OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
            String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
            OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
            OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
            return new Row(String.join(" ", authorization.getAuthorizedScopes()),
                    request == null ? null : json.writeValueAsString(stored(request)),
                    state == null ? null : digestOf(state),
                    code == null ? null : digestOf(code.getToken().getTokenValue()),
                    code == null ? null : timestamp(code.getToken().getIssuedAt()),
                    code == null ? null : timestamp(code.getToken().getExpiresAt()),
                    code != null && code.isInvalidated(),
                    refresh == null ? null : digestOf(refresh.getToken().getTokenValue()),
                    refresh == null ? null : timestamp(refresh.getToken().getIssuedAt()),
                    refresh == null ? null : timestamp(refresh.getToken().getExpiresAt()));
        }

        private static StoredRequest stored(OAuth2AuthorizationRequest request) {
            Map<String, String> additional = new LinkedHashMap<>();
            request.getAdditionalParameters().forEach((k, v) -> {
                if (v != null) {
                    additional.put(k, v.toString());
                }
            });
            return new StoredRequest(request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(),
                    request.getScopes(), request.getState(), additional);
        }

        private static String digestOf(String value) {
            return value.startsWith(DIGEST) ? value.substring(DIGEST.length()) : Sha256.hex(value);
        }
    }
}
