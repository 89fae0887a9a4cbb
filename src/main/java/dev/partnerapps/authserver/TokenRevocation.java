package dev.partnerapps.authserver;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * RFC 7009: an application revokes its own tokens. An access token is denied by its id until
 * it expires; a refresh token takes its whole grant with it. Anything else answers 200 and
 * changes nothing, as the RFC asks.
 */
@Component
class TokenRevocation implements AuthenticationProvider {

    private final AccessTokens accessTokens;
    private final GrantStore grants;
    private final GrantDeletions deletions;
    private final MeterRegistry meters;

    TokenRevocation(AccessTokens accessTokens, GrantStore grants, GrantDeletions deletions, MeterRegistry meters) {
        this.accessTokens = accessTokens;
        this.grants = grants;
        this.deletions = deletions;
        this.meters = meters;
    }

    /** Tokens an application revoked itself, by type (README, "Observability"). */
    private void counted(String tokenType) {
        meters.counter("partnerapps.oauth.tokens.revoked", "token_type", tokenType).increment();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2TokenRevocationAuthenticationToken request = (OAuth2TokenRevocationAuthenticationToken) authentication;
        OAuth2ClientAuthenticationToken caller = TokenIntrospection.caller(request);
        String clientId = caller.getRegisteredClient().getClientId();
        String token = request.getToken();

        var jwt = accessTokens.decode(token);
        if (jwt.isPresent()) {
            Jwt accessToken = jwt.get();
            if (clientId.equals(accessToken.getClaimAsString(AccessTokenClaims.CLIENT_ID))) {
                accessTokens.revoke(accessToken);
                counted("access_token");
            }
            return request;
        }
        OAuth2Authorization grant = grants.findByRefreshTokenQuietly(token);
        if (grant != null && grant.getRegisteredClientId().equals(caller.getRegisteredClient().getId())) {
            deletions.grant(grant.getId());
            counted("refresh_token");
        }
        return request;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
