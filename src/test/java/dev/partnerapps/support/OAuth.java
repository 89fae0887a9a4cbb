package dev.partnerapps.support;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict OAuth 2.0 client (Nimbus OAuth SDK) talking to the running server over real HTTP. */
public final class OAuth {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;

    public OAuth(int port) {
        this.base = "http://localhost:" + port;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    /**
     * A client_credentials request as raw HTTP, for tests that read the status and headers the
     * SDK hides (429, Retry-After, 503). {@code forwardedFor}, if not null, is sent as
     * X-Forwarded-For: the client address for a server with {@code server.forward-headers-strategy=native}.
     */
    public HttpResponse<String> clientCredentialsHttp(String key, String secret, String forwardedFor) {
        String basic = Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ClientAuthentication basic(String key, String secret) {
        return new ClientSecretBasic(new ClientID(key), new Secret(secret));
    }

    public static ClientAuthentication post(String key, String secret) {
        return new ClientSecretPost(new ClientID(key), new Secret(secret));
    }

    public TokenResponse token(ClientAuthentication client, AuthorizationGrant grant, String scope, String company) {
        Map<String, List<String>> custom = new HashMap<>();
        if (company != null) {
            custom.put("company", List.of(company));
        }
        TokenRequest request = new TokenRequest(uri("/oauth2/token"), client, grant,
                scope == null ? null : Scope.parse(scope), null, custom);
        return send(() -> request.toHTTPRequest().send(), TokenResponse::parse);
    }

    public TokenResponse clientCredentials(String key, String secret) {
        return token(basic(key, secret), new ClientCredentialsGrant(), null, null);
    }

    public TokenResponse exchange(String key, String secret, String code, String redirectUri, CodeVerifier verifier) {
        return token(basic(key, secret), new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(redirectUri),
                verifier), null, null);
    }

    public TokenResponse refresh(String key, String secret, String refreshToken) {
        return token(basic(key, secret), new RefreshTokenGrant(new RefreshToken(refreshToken)), null, null);
    }

    /** The tokens of a successful response; fails the test with the error otherwise. */
    public static Tokens tokens(TokenResponse response) {
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new AssertionError("Token request failed: " + error.getCode() + " " + error.getDescription());
        }
        return response.toSuccessResponse().getTokens();
    }

    public static ErrorObject error(TokenResponse response) {
        if (response.indicatesSuccess()) {
            throw new AssertionError("Expected an error response, got tokens");
        }
        return response.toErrorResponse().getErrorObject();
    }

    public String accessToken(String key, String secret) {
        return tokens(clientCredentials(key, secret)).getAccessToken().getValue();
    }

    public TokenIntrospectionSuccessResponse introspect(String key, String secret, String token) {
        TokenIntrospectionRequest request = new TokenIntrospectionRequest(uri("/oauth2/introspect"), basic(key, secret),
                new BearerAccessToken(token));
        TokenIntrospectionResponse response = send(() -> request.toHTTPRequest().send(), TokenIntrospectionResponse::parse);
        if (!response.indicatesSuccess()) {
            throw new AssertionError("Introspection failed: " + response.toErrorResponse().getErrorObject());
        }
        return response.toSuccessResponse();
    }

    public int revoke(String key, String secret, Token token) {
        try {
            return new TokenRevocationRequest(uri("/oauth2/revoke"), basic(key, secret), token).toHTTPRequest().send()
                    .getStatusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the authorization endpoint sends the browser, for the given query. */
    public static String authorizeQuery(String key, String redirectUri, String scope, String state, CodeVerifier verifier) {
        StringBuilder query = new StringBuilder("/oauth2/authorize?response_type=code")
                .append("&client_id=").append(encode(key))
                .append("&redirect_uri=").append(encode(redirectUri))
                .append("&state=").append(encode(state));
        if (scope != null) {
            query.append("&scope=").append(encode(scope));
        }
        if (verifier != null) {
            query.append("&code_challenge=").append(CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue())
                    .append("&code_challenge_method=S256");
        }
        return query.toString();
    }

    /**
     * The whole browser side of the authorization code flow for a signed-in user: authorize,
     * consent with every scope shown, and return the code from the redirect.
     */
    public static String authorizationCode(HttpSession user, String key, String redirectUri, String scope,
            CodeVerifier verifier) {
        HttpResponse<String> authorize = user.get(authorizeQuery(key, redirectUri, scope, "xyz", verifier));
        String consentUrl = HttpSession.location(authorize);
        Matcher direct = Pattern.compile("[?&]code=([^&]+)").matcher(consentUrl);
        if (consentUrl.startsWith(redirectUri) && direct.find()) {
            // The user consented to these scopes before: no consent page this time.
            return URLDecoder.decode(direct.group(1), StandardCharsets.UTF_8);
        }
        if (!consentUrl.contains("/oauth2/consent")) {
            throw new AssertionError("Expected the consent page, got " + authorize.statusCode() + " " + consentUrl);
        }
        HttpResponse<String> consent = user.get(consentUrl.substring(consentUrl.indexOf("/oauth2/consent")));
        Map<String, String> form = new HashMap<>();
        form.put("client_id", key);
        form.put("state", hiddenValue(consent.body(), "state"));
        Matcher scopes = Pattern.compile("name=\"scope\" value=\"([^\"]+)\"").matcher(consent.body());
        HttpResponse<String> allowed = user.postMulti("/oauth2/authorize", form, "scope", scopes.results()
                .map(m -> m.group(1)).toList());
        String location = HttpSession.location(allowed);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!location.startsWith(redirectUri) || !code.find()) {
            throw new AssertionError("Expected a redirect with a code, got " + allowed.statusCode() + " " + location);
        }
        return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    public static String hiddenValue(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No hidden field " + name);
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    /** The value of the input with the given id (the Key and Secret fields of the console). */
    public static String hiddenValueById(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\" value=\"([^\"]*)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No field " + id);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private interface Parser<T> {
        T parse(HTTPResponse response) throws ParseException;
    }

    private interface Sender {
        HTTPResponse send() throws IOException;
    }

    private static <T> T send(Sender sender, Parser<T> parser) {
        HTTPResponse response;
        try {
            response = sender.send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return parser.parse(response);
        } catch (ParseException e) {
            throw new AssertionError("Unparseable response " + response.getStatusCode() + ": " + response.getBody(), e);
        }
    }
}
