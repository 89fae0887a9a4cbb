package dev.partnerapps.authserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Where {@link ClientThrottle} meets the authorization server's filter chain (docs/throttling.md). */
final class ClientThrottleFilters {

    static final String BLOCKED = "Too many failed client authentications from this address or for this Key. "
            + "Retry after the number of seconds in Retry-After.";
    static final String OVER_CEILING = "This application requests tokens faster than its limit. "
            + "Retry after the number of seconds in Retry-After.";

    private ClientThrottleFilters() {
    }

    /** Refuses a blocked address or Key before its Secret is checked. */
    static OncePerRequestFilter blocking(ClientThrottle throttle, RequestMatcher endpoints, OAuthErrorResponses errors) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !endpoints.matches(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<Duration> wait = throttle.blocked(request);
                if (wait.isPresent()) {
                    errors.tooManyRequests(response, wait.get(), BLOCKED);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Spends the failure; over the allowance the answer is 429 instead of 401. */
    static AuthenticationFailureHandler countingFailures(ClientThrottle throttle, OAuthErrorResponses errors,
            AuthenticationFailureHandler delegate) {
        return (request, response, exception) -> {
            Optional<Duration> wait = throttle.failed(request);
            if (wait.isPresent()) {
                errors.tooManyRequests(response, wait.get(), BLOCKED);
            } else {
                delegate.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    /** After client authentication at the token endpoint: the optional per-Key ceiling. */
    static OncePerRequestFilter ceiling(ClientThrottle throttle, RequestMatcher tokenEndpoint, OAuthErrorResponses errors) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !tokenEndpoint.matches(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication client = SecurityContextHolder.getContext().getAuthentication();
                if (client instanceof OAuth2ClientAuthenticationToken token && token.isAuthenticated()
                        && token.getRegisteredClient() != null) {
                    Optional<Duration> wait = throttle.overCeiling(token.getRegisteredClient().getClientId());
                    if (wait.isPresent()) {
                        errors.tooManyRequests(response, wait.get(), OVER_CEILING);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }
}
