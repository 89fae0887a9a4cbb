package dev.partnerapps.authserver;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * docs/product.md section 5: a request without {@code scope} asks for all the application's APIs
 * (and chosen sensitive groups). Spring Authorization Server would grant none, so the request
 * converters fill them in.
 */
final class DefaultScopes {

    static final int MAX_STATE = 1000;
    static final int MAX_QUERY = 3000;

    private DefaultScopes() {
    }

    static AuthenticationConverter clientCredentials(AuthenticationConverter delegate) {
        return request -> {
            Authentication converted = delegate.convert(request);
            if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()
                    && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                    && client.getRegisteredClient() != null) {
                return new OAuth2ClientCredentialsAuthenticationToken(client,
                        Set.copyOf(client.getRegisteredClient().getScopes()), token.getAdditionalParameters());
            }
            return converted;
        };
    }

    static AuthenticationConverter authorizationRequest(AuthenticationConverter delegate,
            RegisteredClientRepository clients) {
        return (HttpServletRequest request) -> {
            // Everything the client sends is stored with the grant: refuse what cannot be stored.
            String state = request.getParameter("state");
            String query = request.getQueryString();
            if ((state != null && state.length() > MAX_STATE) || (query != null && query.length() > MAX_QUERY)) {
                throw new org.springframework.security.oauth2.server.authorization.authentication
                        .OAuth2AuthorizationCodeRequestAuthenticationException(
                                new org.springframework.security.oauth2.core.OAuth2Error("invalid_request",
                                        "The state or the request is too long.", null), null);
            }
            Authentication converted = delegate.convert(request);
            if (converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken token
                    && token.getScopes().isEmpty() && request.getParameter("request_uri") == null) {
                RegisteredClient client = clients.findByClientId(token.getClientId());
                if (client != null) {
                    return new OAuth2AuthorizationCodeRequestAuthenticationToken(token.getAuthorizationUri(),
                            token.getClientId(), (Authentication) token.getPrincipal(), token.getRedirectUri(),
                            token.getState(), Set.copyOf(client.getScopes()), token.getAdditionalParameters());
                }
            }
            return converted;
        };
    }
}
