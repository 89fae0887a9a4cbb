package dev.partnerapps.authserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 6749 section 5.2 error responses for the token, introspection and revocation endpoints:
 * JSON with {@code error} and always an {@code error_description}; {@code invalid_client} is a
 * 401 with a {@code WWW-Authenticate} challenge and always the same description, everything else
 * a 400; never cached.
 */
class OAuthErrorResponses implements AuthenticationFailureHandler {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication failed: unknown Key, wrong Secret, or an inactive application.",
            OAuth2ErrorCodes.INVALID_GRANT, "The authorization code or refresh token is invalid, expired, revoked, or was issued to another client.",
            OAuth2ErrorCodes.INVALID_SCOPE, "The requested scope is not among the application's APIs Used.",
            OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "The application may not use this grant for this company.",
            OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE, "Supported grant types: authorization_code, refresh_token, client_credentials.",
            OAuth2ErrorCodes.INVALID_REQUEST, "The request is missing a parameter, repeats one, or is otherwise malformed.");

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError() : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.getErrorCode());
        body.put("error_description", describe(error));
        if (OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"oauth2\", charset=\"UTF-8\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, body);
        } else {
            write(response, HttpServletResponse.SC_BAD_REQUEST, body);
        }
    }

    /**
     * 429 (RFC 6585) with {@code Retry-After} in whole seconds, rounded up. The error code is
     * {@code temporarily_unavailable}, as for an outage: RFC 6749 has none for rate limits, and
     * clients already treat this one as "try again later".
     */
    void tooManyRequests(HttpServletResponse response, Duration wait, String description) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE);
        body.put("error_description", description);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, 429, body);
    }

    /** An error body as RFC 6749 section 5.2 has it: JSON, never cached. */
    private void write(HttpServletResponse response, int status, Map<String, String> body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }

    /**
     * One fixed text for every {@code invalid_client}: the framework's own descriptions would tell
     * an unknown Key ("client_id") from a wrong Secret ("client_secret").
     */
    private static String describe(OAuth2Error error) {
        if (error.getDescription() == null || OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
            return DESCRIPTIONS.getOrDefault(error.getErrorCode(), "The request was refused.");
        }
        return error.getDescription();
    }
}
