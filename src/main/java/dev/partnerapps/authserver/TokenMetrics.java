package dev.partnerapps.authserver;

import dev.partnerapps.usage.UsageRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Counts what the token endpoint answers (docs/product.md section 9), by wrapping the handlers that
 * write its responses: the one place every issued token and every refusal passes, whichever
 * provider decided. Tags are the grant type and the OAuth error code, each reduced to the values
 * RFC 6749 defines so that a client cannot invent new time series; never a client, token or user.
 * The same answers go to the {@link UsageRecorder}, which does count per application and company
 * (docs/product.md, "Usage and last used"): an in-memory increment, nothing written per request.
 */
@Component
class TokenMetrics {

    static final String ISSUED = "partnerapps.oauth.tokens.issued";
    static final String REFUSED = "partnerapps.oauth.tokens.refused";
    static final String CLIENT_AUTHENTICATION_FAILURES = "partnerapps.oauth.client.authentication.failures";

    private static final String OTHER = "other";
    private static final Set<String> GRANT_TYPES = Set.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue(), AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());
    private static final Set<String> ERROR_CODES = Set.of(OAuth2ErrorCodes.INVALID_REQUEST,
            OAuth2ErrorCodes.INVALID_CLIENT, OAuth2ErrorCodes.INVALID_GRANT, OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
            OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE, OAuth2ErrorCodes.INVALID_SCOPE, OAuth2ErrorCodes.ACCESS_DENIED,
            OAuth2ErrorCodes.SERVER_ERROR, OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE);

    /** Request attribute: whom {@link AccessTokenClaims} issued the token for, read when it is answered. */
    static final String ISSUED_FOR = TokenMetrics.class.getName() + ".issuedFor";

    private final MeterRegistry registry;
    private final AuthorizationServerSettings settings;
    private final UsageRecorder usage;
    private final PartnerClients clients;
    /** The issued counter per grant type: looked up on every token, so not built anew each time. */
    private final Map<String, Counter> issuedByGrantType = new ConcurrentHashMap<>();

    TokenMetrics(MeterRegistry registry, AuthorizationServerSettings settings, UsageRecorder usage,
            PartnerClients clients) {
        this.registry = registry;
        this.settings = settings;
        this.usage = usage;
        this.clients = clients;
        // Registered up front so a dashboard's rate() has a series from the first scrape.
        GRANT_TYPES.forEach(grant -> issuedByGrantType.put(grant, issued(grant)));
    }

    /** Counts the token before the delegate writes it. */
    AuthenticationSuccessHandler countingIssued(AuthenticationSuccessHandler delegate) {
        return (request, response, authentication) -> {
            String grantType = grantType(request);
            issuedByGrantType.computeIfAbsent(grantType, this::issued).increment();
            if (request.getAttribute(ISSUED_FOR) instanceof IssuedFor issuedFor) {
                usage.tokenIssued(issuedFor.applicationId(), issuedFor.companyId(), grantType, issuedFor.user());
            }
            delegate.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** For the token endpoint's own refusals (client already authenticated). */
    AuthenticationFailureHandler countingRefused(AuthenticationFailureHandler delegate) {
        return (request, response, exception) -> {
            refusedForPresentedKey(request, exception);
            delegate.onAuthenticationFailure(request, response, exception);
        };
    }

    /**
     * For client authentication, which runs before the token, introspection and revocation
     * endpoints: counted by endpoint, and a failure at the token endpoint is also a refused token.
     */
    AuthenticationFailureHandler countingClientAuthenticationFailures(AuthenticationFailureHandler delegate) {
        return (request, response, exception) -> {
            String endpoint = endpoint(request);
            Counter.builder(CLIENT_AUTHENTICATION_FAILURES)
                    .description("Requests whose client authentication failed, by OAuth endpoint")
                    .tag("endpoint", endpoint)
                    .register(registry).increment();
            if ("token".equals(endpoint)) {
                refusedForPresentedKey(request, exception);
            }
            delegate.onAuthenticationFailure(request, response, exception);
        };
    }

    /**
     * A refused token request, counted in the metrics and, when the presented Key is a real
     * application's, in that application's usage: a wrong Secret counts too, since its owner may be
     * looking for a server that still sends the old one. The Key is read from the request again:
     * the token endpoint cleared the security context before calling its failure handler.
     */
    private void refusedForPresentedKey(HttpServletRequest request, AuthenticationException exception) {
        String error = refused(request, exception);
        clients.applicationByKey(ClientThrottle.presentedKey(request))
                .ifPresent(app -> usage.tokenRefused(app.id(), UsageRecorder.NO_COMPANY, error));
    }

    private Counter issued(String grantType) {
        return Counter.builder(ISSUED)
                .description("Access tokens issued by the token endpoint, by grant type")
                .tag("grant_type", grantType)
                .register(registry);
    }

    /** Counts the refusal; returns its error code as counted. */
    private String refused(HttpServletRequest request, AuthenticationException exception) {
        String error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : OAuth2ErrorCodes.INVALID_REQUEST;
        String counted = ERROR_CODES.contains(error) ? error : OTHER;
        Counter.builder(REFUSED)
                .description("Token requests refused by the token endpoint, by grant type and OAuth error code")
                .tag("grant_type", grantType(request))
                .tag("error", counted)
                .register(registry).increment();
        return counted;
    }

    /** The application and company a token is issued for; the user whose consent it uses, if any. */
    record IssuedFor(long applicationId, long companyId, String user) {
    }

    private static String grantType(HttpServletRequest request) {
        String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
        return grantType != null && GRANT_TYPES.contains(grantType) ? grantType : OTHER;
    }

    private String endpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(settings.getTokenEndpoint())) {
            return "token";
        }
        if (path.equals(settings.getTokenIntrospectionEndpoint())) {
            return "introspect";
        }
        if (path.equals(settings.getTokenRevocationEndpoint())) {
            return "revoke";
        }
        return OTHER;
    }
}
