package dev.partnerapps.authserver;

import dev.partnerapps.application.OAuthClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Errors of the authorization endpoint. Once the framework has verified the redirect URI, the
 * error goes back to the application there (RFC 6749 section 4.1.2.1), as the default does.
 * Otherwise the person sees a 400 page that names the cause — an unknown Key, a redirect URI
 * that is not registered for this application — and nothing is sent anywhere (docs/console.md).
 */
final class AuthorizationErrorPage implements AuthenticationFailureHandler {

    /** Request attributes read by {@code templates/error.html}. */
    static final String PROBLEM = "authorizeProblem";
    static final String PROBLEM_ARG = "authorizeProblemArg";

    private final PartnerClients clients;

    AuthorizationErrorPage(PartnerClients clients) {
        this.clients = clients;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError() : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        if (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException failure
                && failure.getAuthorizationCodeRequestAuthentication() != null
                && StringUtils.hasText(failure.getAuthorizationCodeRequestAuthentication().getRedirectUri())) {
            redirect(response, failure.getAuthorizationCodeRequestAuthentication(), error);
            return;
        }
        describe(request, error);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    private void describe(HttpServletRequest request, OAuth2Error error) {
        String key = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        String redirectUri = request.getParameter(OAuth2ParameterNames.REDIRECT_URI);
        Optional<OAuthClient> app = StringUtils.hasText(key)
                ? clients.applicationByKey(key).filter(OAuthClient::active) : Optional.empty();
        if (app.isEmpty()) {
            problem(request, StringUtils.hasText(key) ? "authorize.error.unknownKey" : "authorize.error.noKey",
                    StringUtils.hasText(key) ? shortened(key) : "");
        } else if (StringUtils.hasText(redirectUri) && !app.get().redirectUris().contains(redirectUri)) {
            problem(request, "authorize.error.redirectNotRegistered", app.get().name(), redirectUri);
        } else if (app.get().redirectUris().isEmpty()) {
            problem(request, "authorize.error.noRedirectRegistered", app.get().name());
        } else if (!StringUtils.hasText(redirectUri) && app.get().redirectUris().size() > 1) {
            problem(request, "authorize.error.redirectMissing", app.get().name());
        } else {
            problem(request, "authorize.error.other", app.get().name(),
                    error.getErrorCode() + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"));
        }
    }

    private static String shortened(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "\u2026" : text;
    }

    private static void problem(HttpServletRequest request, String messageKey, Object... args) {
        request.setAttribute(PROBLEM, messageKey);
        for (int i = 0; i < args.length; i++) {
            request.setAttribute(PROBLEM_ARG + i, args[i]);
        }
    }

    /** What the framework's default does with an error for a verified redirect URI. */
    private static void redirect(HttpServletResponse response, OAuth2AuthorizationCodeRequestAuthenticationToken request,
            OAuth2Error error) throws IOException {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(request.getRedirectUri())
                .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (StringUtils.hasText(error.getDescription())) {
            uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION,
                    UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
        }
        if (StringUtils.hasText(error.getUri())) {
            uri.queryParam(OAuth2ParameterNames.ERROR_URI, UriUtils.encode(error.getUri(), StandardCharsets.UTF_8));
        }
        if (StringUtils.hasText(request.getState())) {
            uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(request.getState(), StandardCharsets.UTF_8));
        }
        response.sendRedirect(uri.build(true).toUriString());
    }
}
