package dev.partnerapps.authserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses ambiguous requests to the token, introspection and revocation endpoints before the
 * framework reads them, with {@code invalid_request} (400):
 * <ul>
 * <li>a repeated parameter (RFC 6749 section 3.2) — the framework would otherwise fail with a
 * server error on some of them;</li>
 * <li>anything in the query string — the framework silently drops body parameters whose name also
 * appears in the query, so {@code ?scope=A} with {@code scope=B} in the body would grant A;</li>
 * <li>a client Secret both in an {@code Authorization} header and in the body (RFC 6749 section
 * 2.3: one authentication method per request).</li>
 * </ul>
 */
final class TokenRequestGuard extends OncePerRequestFilter {

    private final RequestMatcher endpoints;
    private final OAuthErrorResponses errors;

    TokenRequestGuard(RequestMatcher endpoints, OAuthErrorResponses errors) {
        this.endpoints = endpoints;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !endpoints.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problemWith(request);
        if (problem != null) {
            errors.onAuthenticationFailure(request, response, new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, problem, null)));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String problemWith(HttpServletRequest request) {
        if (request.getQueryString() != null && !request.getQueryString().isEmpty()) {
            return "Parameters go in the form-encoded request body, not in the query string.";
        }
        for (String[] values : request.getParameterMap().values()) {
            if (values.length > 1) {
                // The name is not echoed: error_description allows only a restricted character set.
                return "A parameter is repeated: each may appear once.";
            }
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                && request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) {
            return "Use one client authentication method per request: the Authorization header or "
                    + "client_secret in the body, not both.";
        }
        return null;
    }
}
