package dev.partnerapps.authserver;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Writes the token endpoint's answer (RFC 6749 section 5.1) with {@link CompactJson}: the same
 * members, values and content type as Spring Authorization Server's own handler, without the
 * message converter and Jackson that cost 7% of a token's CPU (docs/performance.md, "The token's JSON,
 * written directly"). Additional parameters that are not strings, whole numbers, booleans or lists of
 * strings, or that are named like a standard member (none of ours are either), leave the whole
 * answer to the framework's handler.
 */
final class TokenResponseWriter implements AuthenticationSuccessHandler {

    private static final String CONTENT_TYPE = MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8";
    private static final Set<String> STANDARD_MEMBERS = Set.of(OAuth2ParameterNames.ACCESS_TOKEN,
            OAuth2ParameterNames.TOKEN_TYPE, OAuth2ParameterNames.EXPIRES_IN, OAuth2ParameterNames.SCOPE,
            OAuth2ParameterNames.REFRESH_TOKEN);

    private final AuthenticationSuccessHandler general;

    TokenResponseWriter(AuthenticationSuccessHandler general) {
        this.general = general;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (!(authentication instanceof OAuth2AccessTokenAuthenticationToken issued)
                || !simple(issued.getAdditionalParameters())) {
            general.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        OAuth2AccessToken accessToken = issued.getAccessToken();
        CompactJson json = CompactJson.object(1024)
                .value(OAuth2ParameterNames.ACCESS_TOKEN, accessToken.getTokenValue())
                .value(OAuth2ParameterNames.TOKEN_TYPE, accessToken.getTokenType().getValue());
        // As the framework's handler counts it: the token's lifetime (at least a second) from the
        // moment the answer is built, then the whole seconds left of it as it is written, so an
        // hour's token says 3599.
        long lifetime = accessToken.getIssuedAt() != null && accessToken.getExpiresAt() != null
                ? ChronoUnit.SECONDS.between(accessToken.getIssuedAt(), accessToken.getExpiresAt()) : 0;
        Instant expires = Instant.now().plusSeconds(lifetime > 0 ? lifetime : 1);
        json.number(OAuth2ParameterNames.EXPIRES_IN, ChronoUnit.SECONDS.between(Instant.now(), expires));
        if (!accessToken.getScopes().isEmpty()) {
            json.value(OAuth2ParameterNames.SCOPE, String.join(" ", accessToken.getScopes()));
        }
        OAuth2RefreshToken refreshToken = issued.getRefreshToken();
        if (refreshToken != null) {
            json.value(OAuth2ParameterNames.REFRESH_TOKEN, refreshToken.getTokenValue());
        }
        issued.getAdditionalParameters().forEach(json::value);
        byte[] body = json.end().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        // RFC 6749 section 5.1, as OAuthErrorResponses does for the refusals.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Whether {@link CompactJson} writes every additional parameter as the framework would: simple
     * values, and none named like a member written above (the framework's map would keep only one).
     */
    private static boolean simple(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (STANDARD_MEMBERS.contains(parameter.getKey()) || !CompactJson.isSimple(parameter.getValue())) {
                return false;
            }
        }
        return true;
    }
}
