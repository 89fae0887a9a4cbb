package dev.partnerapps.authserver;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Everything the client sends to the authorization endpoint is stored with the grant: a request
 * whose state or query is longer than the columns hold is refused with {@code invalid_request}
 * before it is read, rather than failing as a server error when it is saved.
 */
final class AuthorizationRequestLimits {

    static final int MAX_STATE = 1000;
    static final int MAX_QUERY = 3000;

    private AuthorizationRequestLimits() {
    }

    static AuthenticationConverter checking(AuthenticationConverter delegate) {
        return request -> {
            String state = request.getParameter("state");
            String query = request.getQueryString();
            if ((state != null && state.length() > MAX_STATE) || (query != null && query.length() > MAX_QUERY)) {
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "The state or the request is too long.", null),
                        null);
            }
            return delegate.convert(request);
        };
    }
}
