package dev.partnerapps.authserver;

import dev.partnerapps.company.PartnerUser;
import java.security.Principal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * RFC 7662 introspection that answers only about the calling application's own tokens (the
 * default would tell any client about any token) and applies the live rules: a token whose
 * application was disabled, made inactive or made Private for its company is inactive at once.
 */
@Component
class TokenIntrospection implements AuthenticationProvider {

    private final AccessTokens accessTokens;
    private final GrantStore grants;
    private final TokenPolicy policy;

    TokenIntrospection(AccessTokens accessTokens, GrantStore grants, TokenPolicy policy) {
        this.accessTokens = accessTokens;
        this.grants = grants;
        this.policy = policy;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2TokenIntrospectionAuthenticationToken request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
        OAuth2ClientAuthenticationToken caller = caller(request);
        RegisteredClient client = caller.getRegisteredClient();
        String token = request.getToken();

        var accessToken = accessTokens.verify(token).filter(t -> t.clientId().equals(client.getClientId()));
        if (accessToken.isPresent()) {
            VerifiedToken t = accessToken.get();
            OAuth2TokenIntrospection claims = OAuth2TokenIntrospection.builder(true)
                    .clientId(t.clientId())
                    .scope(String.join(" ", t.scopes()))
                    .tokenType("Bearer")
                    .subject(t.subject())
                    .username(t.subject())
                    .issuedAt(t.issuedAt())
                    .expiresAt(t.expiresAt())
                    .id(t.tokenId())
                    .claim(AccessTokenClaims.COMPANY, String.valueOf(t.companyId()))
                    .claim(AccessTokenClaims.COMPANY_DOMAIN, t.companyDomain())
                    .build();
            return new OAuth2TokenIntrospectionAuthenticationToken(token, caller, claims);
        }

        OAuth2Authorization grant = grants.findByRefreshTokenQuietly(token);
        if (grant != null && grant.getRegisteredClientId().equals(client.getId())) {
            OAuth2Authorization.Token<OAuth2RefreshToken> refresh = grant.getRefreshToken();
            Authentication principal = grant.getAttribute(Principal.class.getName());
            if (refresh != null && refresh.isActive() && principal != null
                    && principal.getPrincipal() instanceof PartnerUser user
                    && policy.isAllowed(Long.parseLong(client.getId()), user.getCompanyId())) {
                OAuth2TokenIntrospection claims = OAuth2TokenIntrospection.builder(true)
                        .clientId(client.getClientId())
                        .scope(String.join(" ", grant.getAuthorizedScopes()))
                        .tokenType("refresh_token")
                        .username(user.getUsername())
                        .subject(user.getUsername())
                        .issuedAt(refresh.getToken().getIssuedAt())
                        .expiresAt(refresh.getToken().getExpiresAt())
                        .claim(AccessTokenClaims.COMPANY, String.valueOf(user.getCompanyId()))
                        .claim(AccessTokenClaims.COMPANY_DOMAIN, user.getCompany().domain())
                        .build();
                return new OAuth2TokenIntrospectionAuthenticationToken(token, caller, claims);
            }
        }
        // Unknown, expired, revoked, another application's, or no longer allowed: all look alike.
        return request;
    }

    static OAuth2ClientAuthenticationToken caller(Authentication request) {
        if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
            return client;
        }
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
