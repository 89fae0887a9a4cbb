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
