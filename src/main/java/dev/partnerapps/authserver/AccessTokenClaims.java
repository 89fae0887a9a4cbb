package dev.partnerapps.authserver;

import dev.partnerapps.application.OAuthClient;
import dev.partnerapps.company.CompanyInfo;
import dev.partnerapps.company.PartnerUser;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place every access token passes, whatever the grant: decides the company the token
 * is for, refuses it unless the application may act for that company right now (docs/product.md
 * section 5), and writes the claims the platform APIs rely on.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String COMPANY = "company";
    static final String COMPANY_DOMAIN = "company_domain";
    static final String CLIENT_ID = "client_id";
    /** The stored grant a user's token belongs to: revoking the grant revokes its tokens. */
    static final String GRANT_ID = "gid";
    /**
     * The enablement generation the token was issued under (see {@code Enablements#allowance}):
     * the token is accepted only while it is still the current one. Tokens without it read as 0.
     */
    static final String ENABLEMENT_GENERATION = "egen";

    private final TokenPolicy policy;
    private final PartnerClients clients;
    private final SigningKeys keys;

    AccessTokenClaims(TokenPolicy policy, PartnerClients clients, SigningKeys keys) {
        this.policy = policy;
        this.clients = clients;
        this.keys = keys;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        boolean clientCredentials = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
        OAuthClient app = clients.application(context.getRegisteredClient().getId())
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT));
        CompanyInfo company = clientCredentials ? requestedCompany(context, app) : userCompany(context);
        OptionalLong generation = policy.allowance(app.id(), company.id());
        if (generation.isEmpty()) {
            throw clientCredentials
                    ? refused(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
                            "The application is not enabled for this company, or not visible to it.")
                    : refused(OAuth2ErrorCodes.INVALID_GRANT,
                            "The application is no longer enabled for this company.");
        }
        // A refresh carries the scopes granted back then; the application may use fewer now.
        Set<String> scopes = new LinkedHashSet<>(context.getAuthorizedScopes());
        scopes.retainAll(app.scopes());
        context.getClaims().claim("scope", scopes);
        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(keys.current().getKeyID());
        context.getClaims()
                .claim(CLIENT_ID, app.key())
                .claim(ENABLEMENT_GENERATION, generation.getAsLong())
                .claim(COMPANY, String.valueOf(company.id()))
                .claim(COMPANY_DOMAIN, company.domain());
        if (!clientCredentials && context.getAuthorization() != null) {
            context.getClaims().claim(GRANT_ID, context.getAuthorization().getId());
        }
        // For usage counting, once the token is answered (TokenMetrics): the company is decided only here.
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            String user = clientCredentials ? null : context.getPrincipal().getName();
            request.setAttribute(TokenMetrics.ISSUED_FOR, new TokenMetrics.IssuedFor(app.id(), company.id(), user),
                    RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** client_credentials: the owner, or the company whose domain the request names. */
    private CompanyInfo requestedCompany(JwtEncodingContext context, OAuthClient app) {
        OAuth2ClientCredentialsAuthenticationToken grant = context.getAuthorizationGrant();
        Object requested = grant.getAdditionalParameters().get(COMPANY);
        if (requested == null) {
            return policy.company(app.ownerCompanyId())
                    .orElseThrow(() -> refused(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "Unknown company."));
        }
        if (!(requested instanceof String domain)) {
            throw refused(OAuth2ErrorCodes.INVALID_REQUEST, "Give the company parameter once.");
        }
        // An unknown domain gets the same answer as a company that has not enabled the application.
        return policy.companyByDomain(domain).orElseThrow(() -> refused(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
                "The application is not enabled for this company, or not visible to it."));
    }

    private static CompanyInfo userCompany(JwtEncodingContext context) {
        Authentication principal = context.getPrincipal();
        if (principal != null && principal.getPrincipal() instanceof PartnerUser user) {
            return user.getCompany();
        }
        throw refused(OAuth2ErrorCodes.INVALID_GRANT, "The grant has no signed-in user.");
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
