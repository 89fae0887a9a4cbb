package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.OAuth;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Malformed and ambiguous OAuth requests get a clear RFC 6749 error, never a 500 or a sign-in page. */
class OAuthEdgeCaseTests extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Console.Credentials app;

    @BeforeEach
    void setUp() throws Exception {
        // Named to sort after the applications the browser tests look for on Acme's first list page.
        app = console().register(ACME_DEVELOPER, Console.uniqueName("Web Edge"), "LIST", "EXPRPT");
    }

    private String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes());
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(oauth().uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("error").asString()).isEqualTo(error);
        assertThat(json.path("error_description").asString()).isNotBlank();
    }

    private void withRedirectUris(String redirectUris) throws Exception {
        String name = jdbc.queryForObject("select name from partner_applications where client_key = ?", String.class,
                app.key());
        console().modify(ACME_DEVELOPER, app.key(), name, true, redirectUris, "LIST", "EXPRPT");
    }

    private HttpResponse<String> authorize(HttpSession user, String redirectUri) {
        return user.get(redirectUri == null
                ? OAuth.authorizeQuery(app.key(), "x", "LIST", "s", new CodeVerifier()).replace("&redirect_uri=x", "")
                : OAuth.authorizeQuery(app.key(), redirectUri, "LIST", "s", new CodeVerifier()));
    }

    @Test
    void aRepeatedParameterAtTheTokenEndpointIsInvalidRequest() throws Exception {
        String auth = basic(app.key(), app.secret());
        assertError(post("/oauth2/token", auth, "grant_type=authorization_code&code=a&code=b"
                + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&code_verifier=" + "v".repeat(43)),
                400, "invalid_request");
        assertError(post("/oauth2/token", auth, "grant_type=client_credentials&scope=LIST&scope=EXPRPT"), 400,
                "invalid_request");
        assertError(post("/oauth2/token", auth, "grant_type=client_credentials&grant_type=client_credentials"), 400,
                "invalid_request");
        assertError(post("/oauth2/introspect", auth, "token=a&token=b"), 400, "invalid_request");
        assertError(post("/oauth2/revoke", auth, "token=a&token=b"), 400, "invalid_request");
    }

    @Test
    void parametersInTheQueryStringOfATokenRequestAreRefused() throws Exception {
        String auth = basic(app.key(), app.secret());
        assertError(post("/oauth2/token?scope=LIST", auth, "grant_type=client_credentials&scope=EXPRPT"), 400,
                "invalid_request");
        assertError(post("/oauth2/token?grant_type=client_credentials", auth, "scope=EXPRPT"), 400, "invalid_request");
        // The same request with everything in the body works.
        assertThat(post("/oauth2/token", auth, "grant_type=client_credentials&scope=EXPRPT").statusCode()).isEqualTo(200);
    }

    @Test
    void basicAndClientSecretPostInOneRequestAreRefused() throws Exception {
        assertError(post("/oauth2/token", basic(app.key(), app.secret()), "grant_type=client_credentials&client_id="
                + app.key() + "&client_secret=" + app.secret()), 400, "invalid_request");
        assertError(post("/oauth2/token", basic(app.key(), app.secret()), "grant_type=client_credentials&client_id="
                + app.key() + "&client_secret=wrong"), 400, "invalid_request");
    }

    @Test
    void withoutClientAuthenticationTheEndpointsAnswerInvalidClientNotASignInPage() throws Exception {
        for (String path : List.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke")) {
            HttpResponse<String> response = post(path, null, path.equals("/oauth2/token")
                    ? "grant_type=client_credentials" : "token=abc");
            assertError(response, 401, "invalid_client");
        }
    }

    @Test
    void anUnknownKeyAndAWrongSecretGetTheSameError() {
        List<ErrorObject> errors = List.of(
                OAuth.error(oauth().clientCredentials(app.key(), app.secret() + "x")),
                OAuth.error(oauth().clientCredentials("unknown-" + app.key(), app.secret())),
                OAuth.error(oauth().token(OAuth.post(app.key(), "wrong"), new ClientCredentialsGrant(), null, null)),
                OAuth.error(oauth().token(OAuth.post("unknown-" + app.key(), "wrong"), new ClientCredentialsGrant(), null,
                        null)));
        assertThat(errors).extracting(ErrorObject::getCode).containsOnly("invalid_client");
        assertThat(errors).extracting(ErrorObject::getDescription).doesNotContainNull().containsOnly(
                errors.get(0).getDescription());
    }

    @Test
    void authorizingWithoutRedirectUriNeedsExactlyOneRegisteredAndOtherwiseShowsAnErrorPage() throws Exception {
        HttpSession user = new HttpSession(port);
        user.signIn(ACME_EMPLOYEE, PASSWORD);
        assertThat(HttpSession.location(authorize(user, null))).contains("/oauth2/consent");

        withRedirectUris("https://app.example.com/callback\nhttps://app.example.com/other");
        HttpResponse<String> twoRegistered = authorize(user, null);
        assertThat(twoRegistered.statusCode()).isEqualTo(400);
        assertThat(twoRegistered.headers().firstValue("Location")).isEmpty();

        withRedirectUris("");
        HttpResponse<String> noneRegistered = authorize(user, null);
        assertThat(noneRegistered.statusCode()).isEqualTo(400);
        assertThat(noneRegistered.headers().firstValue("Location")).isEmpty();
        assertThat(noneRegistered.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // Nor is any error sent to a redirect_uri the application never registered.
        HttpResponse<String> unregistered = authorize(user, "https://evil.example/callback");
        assertThat(unregistered.statusCode()).isEqualTo(400);
        assertThat(unregistered.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aLoopbackRedirectUriMatchesOnlyItsOwnPort() throws Exception {
        withRedirectUris("http://127.0.0.1:9999/cb");
        HttpSession user = new HttpSession(port);
        user.signIn(ACME_EMPLOYEE, PASSWORD);

        assertThat(HttpSession.location(authorize(user, "http://127.0.0.1:9999/cb"))).contains("/oauth2/consent");
        for (String other : List.of("http://127.0.0.1:8888/cb", "http://127.0.0.1/cb", "http://127.0.0.2:9999/cb")) {
            HttpResponse<String> response = authorize(user, other);
            assertThat(response.statusCode()).as(other).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).as(other).isEmpty();
        }
    }
}
