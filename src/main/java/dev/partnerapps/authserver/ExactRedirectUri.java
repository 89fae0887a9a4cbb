package dev.partnerapps.authserver;

import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * The {@code redirect_uri} of an authorization request must equal a registered Redirect URI
 * character for character — loopback addresses included: the framework's default lets
 * {@code http://127.0.0.1} URIs match on any port (RFC 8252 section 7.3), which the README does
 * not promise. Without {@code redirect_uri} the application must have exactly one registered.
 * Every refusal is an error page (400), never a redirect: the error carries no redirect URI.
 *
 * <p>Checked twice: in the request converter, because the framework validates a request before
 * our validator runs and fails with a server error when an application has no Redirect URI (and
 * would redirect its {@code unauthorized_client} error to an unchecked {@code redirect_uri}); and
 * as the provider's redirect URI validator, in place of the lenient default.
 */
final class ExactRedirectUri implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        check(context.getAuthentication(), context.getRegisteredClient());
    }

    static AuthenticationConverter checking(AuthenticationConverter delegate, RegisteredClientRepository clients) {
        return request -> {
            Authentication converted = delegate.convert(request);
            if (converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken token
                    && request.getParameter(OAuth2ParameterNames.REQUEST_URI) == null) {
                RegisteredClient client = clients.findByClientId(token.getClientId());
                if (client != null) {
                    check(token, client);
                }
            }
            return converted;
        };
    }

    private static void check(OAuth2AuthorizationCodeRequestAuthenticationToken request, RegisteredClient client) {
        String requested = request.getRedirectUri();
        Set<String> registered = client.getRedirectUris();
        boolean valid = StringUtils.hasText(requested) ? registered.contains(requested) : registered.size() == 1;
        if (!valid) {
            OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, registered.isEmpty()
                    ? "The application has no registered Redirect URI."
                    : "The redirect_uri is missing or not exactly one of the application's registered Redirect URIs.",
                    null);
            OAuth2AuthorizationCodeRequestAuthenticationToken withoutRedirect = new OAuth2AuthorizationCodeRequestAuthenticationToken(
                    request.getAuthorizationUri(), request.getClientId(), (Authentication) request.getPrincipal(), null,
                    request.getState(), request.getScopes(), request.getAdditionalParameters());
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, withoutRedirect);
        }
    }
}
