package dev.partnerapps.api;

import dev.partnerapps.authserver.VerifiedToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * Who calls a platform API: the verified token, its company and scopes. Handlers take it as an
 * argument and declare the scopes they need with {@link RequiresScopes}; both come from
 * {@link ApiCallerConfig}, the one place that builds a caller and checks its scopes.
 */
public record ApiCaller(VerifiedToken token) {

    static final String TOKEN_ATTRIBUTE = "verified_token";

    static ApiCaller of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal
                && principal.getAttribute(TOKEN_ATTRIBUTE) instanceof VerifiedToken token) {
            return new ApiCaller(token);
        }
        throw new IllegalStateException("Platform APIs are reached only with a verified bearer token");
    }

    public long companyId() {
        return token.companyId();
    }

    public String subject() {
        return token.subject();
    }

    public boolean has(String scope) {
        return token.hasScope(scope);
    }

    /** Refuses the call with 403 insufficient_scope unless the token carries every one of {@code scopes}. */
    void require(String... scopes) {
        for (String scope : scopes) {
            if (!token.hasScope(scope)) {
                throw new InsufficientScopeException(String.join(" ", scopes));
            }
        }
    }
}
