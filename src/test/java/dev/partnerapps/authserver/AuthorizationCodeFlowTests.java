package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.GLOBEX_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.OAuth;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The authorization code flow with PKCE, consent and refresh rotation, through the real pages and endpoints. */
class AuthorizationCodeFlowTests extends IntegrationTestBase {

    private static final String REDIRECT = "https://app.example.com/callback";

    private Console.Credentials app;

    @BeforeEach
    void setUp() throws Exception {
        app = console().register(ACME_DEVELOPER, Console.uniqueName("Web App"), "LIST", "EXPRPT", "CCARD");
    }

    private HttpSession signedIn(String email) {
        HttpSession user = new HttpSession(port);
        user.signIn(email, PASSWORD);
        return user;
    }

    private Tokens fullFlow(HttpSession user, String scope) {
        CodeVerifier verifier = new CodeVerifier();
        String code = OAuth.authorizationCode(user, app.key(), REDIRECT, scope, verifier);
        return OAuth.tokens(oauth().exchange(app.key(), app.secret(), code, REDIRECT, verifier));
    }

    @Test
    void aSignedInUserConsentsAndTheApplicationGetsTokensForTheirCompany() throws Exception {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        HttpResponse<String> authorize = user.get(OAuth.authorizeQuery(app.key(), REDIRECT, "LIST CCARD", "s1",
                new CodeVerifier()));
        String consentUrl = HttpSession.location(authorize);
        String consent = user.get(consentUrl.substring(consentUrl.indexOf("/oauth2/consent"))).body();
        assertThat(consent).contains("Web App", "Acme Sandbox", "List Item", "Credit Card Data", "Sensitive data",
                "Full credit card numbers", ">Allow<", ">Deny<");

        Tokens tokens = fullFlow(user, "LIST CCARD");
        Map<String, Object> claims = SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet().getClaims();
        assertThat(claims).containsEntry("sub", ACME_EMPLOYEE).containsEntry("company_domain", "acme-sandbox.example");
        assertThat((List<?>) claims.get("scope")).extracting(Object::toString).containsExactlyInAnyOrder("LIST", "CCARD");
        assertThat(tokens.getRefreshToken()).isNotNull();
        assertThat(oauth().introspect(app.key(), app.secret(), tokens.getAccessToken().getValue()).isActive()).isTrue();

        // Nothing of a token is stored in clear.
        String stored = jdbc.queryForList("select * from oauth_authorizations where application_id = "
                + "(select id from partner_applications where client_key = ?)", app.key()).toString();
        assertThat(stored).doesNotContain(tokens.getRefreshToken().getValue())
                .doesNotContain(tokens.getAccessToken().getValue());
    }

    @Test
    void noScopeAsksForAllApisUsedAndDenyAnswersAccessDenied() {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        String consentUrl = HttpSession.location(user.get(OAuth.authorizeQuery(app.key(), REDIRECT, null, "s2",
                new CodeVerifier())));
        String consent = user.get(consentUrl.substring(consentUrl.indexOf("/oauth2/consent"))).body();
        assertThat(consent).contains("value=\"LIST\"", "value=\"EXPRPT\"", "value=\"CCARD\"");

        HttpResponse<String> denied = user.post("/oauth2/authorize", Map.of("client_id", app.key(),
                "state", OAuth.hiddenValue(consent, "state")));
        assertThat(HttpSession.location(denied)).startsWith(REDIRECT).contains("error=access_denied");
    }

    @Test
    void denyAnswersAccessDeniedEvenWhenTheScopesWereAllowedBefore() {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        fullFlow(user, "EXPRPT");

        String consentUrl = HttpSession.location(user.get(OAuth.authorizeQuery(app.key(), REDIRECT, "EXPRPT LIST",
                "s-deny", new CodeVerifier())));
        String consent = user.get(consentUrl.substring(consentUrl.indexOf("/oauth2/consent"))).body();
        assertThat(consent).contains("Already allowed");
        HttpResponse<String> denied = user.post("/oauth2/authorize", Map.of("client_id", app.key(),
                "state", OAuth.hiddenValue(consent, "state")));

        String location = HttpSession.location(denied);
        assertThat(location).startsWith(REDIRECT).contains("error=access_denied").contains("state=s-deny")
                .doesNotContain("code=");
    }

    @Test
    void sensitiveGroupsAreNotTickedOnTheConsentPage() {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        String consentUrl = HttpSession.location(user.get(OAuth.authorizeQuery(app.key(), REDIRECT, "LIST EXPRPT CCARD",
                "s-tick", new CodeVerifier())));
        String consent = user.get(consentUrl.substring(consentUrl.indexOf("/oauth2/consent"))).body();
        assertThat(checkbox(consent, "CCARD")).doesNotContain("checked");
        assertThat(checkbox(consent, "LIST")).contains("checked");
        assertThat(checkbox(consent, "EXPRPT")).contains("checked");
    }

    private static String checkbox(String html, String scope) {
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*value=\"" + scope + "\"[^>]*>")
                .matcher(html);
        assertThat(input.find()).as("checkbox " + scope).isTrue();
        return input.group();
    }

    @Test
    void anUnregisteredRedirectUriOrUnknownKeyIsNamedOnThePage() {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        String name = jdbc.queryForObject("select name from partner_applications where client_key = ?", String.class,
                app.key());
        HttpResponse<String> wrongUri = user.get(OAuth.authorizeQuery(app.key(), "https://evil.example/cb", "LIST", "s",
                new CodeVerifier()));
        assertThat(wrongUri.statusCode()).isEqualTo(400);
        assertThat(wrongUri.headers().firstValue("Location")).isEmpty();
        assertThat(wrongUri.body()).contains("This redirect URI is not registered for " + name + ": https://evil.example/cb");

        HttpResponse<String> unknownKey = user.get(OAuth.authorizeQuery("no-such-key", REDIRECT, "LIST", "s",
                new CodeVerifier()));
        assertThat(unknownKey.statusCode()).isEqualTo(400);
        assertThat(unknownKey.headers().firstValue("Location")).isEmpty();
        assertThat(unknownKey.body()).contains("No active application has the Key no-such-key");
        // The page's sign-out form works (the authorization server's chain has no CSRF filter: the
        // error page gets its token from the console's chain).
        assertThat(unknownKey.body()).contains("name=\"_csrf\"");
        assertThat(HttpSession.location(user.post("/logout", Map.of()))).endsWith("/login?signedOut");
        assertThat(HttpSession.location(user.get("/admin/web-services/applications"))).endsWith("/login");
    }

    @Test
    void pkceIsRequiredAndOnlyS256() {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        assertThat(HttpSession.location(user.get(OAuth.authorizeQuery(app.key(), REDIRECT, "LIST", "s3", null))))
                .startsWith(REDIRECT).contains("error=invalid_request");
        String plain = OAuth.authorizeQuery(app.key(), REDIRECT, "LIST", "s4", null)
                + "&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq&code_challenge_method=plain";
        assertThat(HttpSession.location(user.get(plain))).startsWith(REDIRECT).contains("error=invalid_request");

        CodeVerifier verifier = new CodeVerifier();
        String code = OAuth.authorizationCode(user, app.key(), REDIRECT, "LIST", verifier);
        assertThat(OAuth.error(oauth().exchange(app.key(), app.secret(), code, REDIRECT, null)).getCode())
                .isEqualTo("invalid_grant");
        String code2 = OAuth.authorizationCode(user, app.key(), REDIRECT, "LIST", verifier);
        assertThat(OAuth.error(oauth().exchange(app.key(), app.secret(), code2, REDIRECT, new CodeVerifier())).getCode())
                .isEqualTo("invalid_grant");
    }

    @Test
    void aCodeWorksOnceForItsOwnClientAndReuseRevokesWhatItGave() throws Exception {
        Console.Credentials other = console().register(ACME_DEVELOPER, Console.uniqueName("Other App"), "LIST");
        HttpSession user = signedIn(ACME_EMPLOYEE);
        CodeVerifier verifier = new CodeVerifier();

        String stolen = OAuth.authorizationCode(user, app.key(), REDIRECT, "LIST", verifier);
        assertThat(OAuth.error(oauth().exchange(other.key(), other.secret(), stolen, REDIRECT, verifier)).getCode())
                .isEqualTo("invalid_grant");

        String code = OAuth.authorizationCode(user, app.key(), REDIRECT, "LIST", verifier);
        Tokens tokens = OAuth.tokens(oauth().exchange(app.key(), app.secret(), code, REDIRECT, verifier));
        assertThat(OAuth.error(oauth().exchange(app.key(), app.secret(), code, REDIRECT, verifier)).getCode())
                .isEqualTo("invalid_grant");
        assertThat(OAuth.error(oauth().refresh(app.key(), app.secret(), tokens.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
        assertThat(oauth().introspect(app.key(), app.secret(), tokens.getAccessToken().getValue()).isActive()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example.com/callback/",
        "https://APP.example.com/callback",
        "https://app.example.com/Callback",
        "https://app.example.com/callback?extra=1",
        "http://app.example.com/callback",
        "https://app.example.com@evil.example/callback",
        "https://app.example.com/callback/../callback",
        "https://app.example.com/%2e%2e/callback",
        "https://evil.example/callback"
    })
    void aRedirectUriThatIsNotExactlyRegisteredGetsAnErrorPageAndNoRedirect(String redirectUri) {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        HttpResponse<String> response = user.get("/oauth2/authorize?response_type=code&client_id=" + app.key()
                + "&scope=LIST&state=s&code_challenge_method=S256&code_challenge="
                + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void refreshTokensRotateAndReplayingAnOldOneRevokesTheGrant() {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        Tokens first = fullFlow(user, "LIST");
        Tokens second = OAuth.tokens(oauth().refresh(app.key(), app.secret(), first.getRefreshToken().getValue()));
        assertThat(second.getRefreshToken().getValue()).isNotEqualTo(first.getRefreshToken().getValue());
        assertThat(oauth().introspect(app.key(), app.secret(), second.getRefreshToken().getValue()).isActive()).isTrue();
        assertThat(oauth().introspect(app.key(), app.secret(), first.getRefreshToken().getValue()).isActive()).isFalse();

        assertThat(OAuth.error(oauth().refresh(app.key(), app.secret(), first.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
        // The replay took the whole grant: the current refresh token and its access tokens too.
        assertThat(OAuth.error(oauth().refresh(app.key(), app.secret(), second.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
        assertThat(oauth().introspect(app.key(), app.secret(), second.getAccessToken().getValue()).isActive()).isFalse();
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenNeverBothSucceedAndEndTheGrant() throws Exception {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        Tokens tokens = fullFlow(user, "LIST");
        String refreshToken = tokens.getRefreshToken().getValue();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<TokenResponse> refresh = () -> {
                start.await();
                return oauth().refresh(app.key(), app.secret(), refreshToken);
            };
            var first = pool.submit(refresh);
            var second = pool.submit(refresh);
            start.countDown();
            List<TokenResponse> responses = List.of(first.get(), second.get());
            assertThat(responses.stream().filter(TokenResponse::indicatesSuccess).count())
                    .isLessThanOrEqualTo(1);
            // Whichever way they interleaved, the token was used twice: the whole grant is gone.
            for (var response : responses) {
                if (response.indicatesSuccess()) {
                    Tokens won = response.toSuccessResponse().getTokens();
                    assertThat(OAuth.error(oauth().refresh(app.key(), app.secret(), won.getRefreshToken().getValue()))
                            .getCode()).isEqualTo("invalid_grant");
                    assertThat(oauth().introspect(app.key(), app.secret(), won.getAccessToken().getValue()).isActive())
                            .isFalse();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTheCompanyDisablesTheApplicationRefreshIntrospectionAndNewGrantsAllFail() throws Exception {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        Tokens tokens = fullFlow(user, "LIST");
        console().disable(ACME_DEVELOPER, app.key());

        assertThat(OAuth.error(oauth().refresh(app.key(), app.secret(), tokens.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
        assertThat(oauth().introspect(app.key(), app.secret(), tokens.getAccessToken().getValue()).isActive()).isFalse();
        assertThat(HttpSession.location(user.get(OAuth.authorizeQuery(app.key(), REDIRECT, "LIST", "s5", new CodeVerifier()))))
                .startsWith(REDIRECT).contains("error=unauthorized_client");
        assertThat(OAuth.error(oauth().clientCredentials(app.key(), app.secret())).getCode()).isEqualTo("unauthorized_client");
    }

    @Test
    void usersOfACompanyThatHasNotEnabledTheApplicationAreRefused() {
        HttpSession globex = signedIn(GLOBEX_EMPLOYEE);
        assertThat(HttpSession.location(globex.get(OAuth.authorizeQuery(app.key(), REDIRECT, "LIST", "s6",
                new CodeVerifier())))).startsWith(REDIRECT).contains("error=unauthorized_client");
    }

    @Test
    void revokingARefreshTokenOrTheConsentEndsTheGrant() {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        Tokens revoked = fullFlow(user, "LIST");
        assertThat(oauth().revoke(app.key(), app.secret(), new RefreshToken(revoked.getRefreshToken().getValue())))
                .isEqualTo(200);
        assertThat(OAuth.error(oauth().refresh(app.key(), app.secret(), revoked.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
        assertThat(oauth().introspect(app.key(), app.secret(), revoked.getAccessToken().getValue()).isActive()).isFalse();

        Tokens connected = fullFlow(user, "LIST");
        String page = user.get("/account/connected-applications").body();
        assertThat(page).contains("Web App", "List Item");
        HttpResponse<String> revoke = user.post("/account/connected-applications/" + app.key() + "/revoke", Map.of());
        assertThat(HttpSession.location(revoke)).endsWith("/account/connected-applications");
        assertThat(user.get("/account/connected-applications").body()).doesNotContain(app.key());
        assertThat(OAuth.error(oauth().refresh(app.key(), app.secret(), connected.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
    }

    @Test
    void anOverlongStateIsRefusedWithoutAServerError() {
        HttpSession user = signedIn(ACME_EMPLOYEE);
        HttpResponse<String> response = user.get(OAuth.authorizeQuery(app.key(), REDIRECT, "LIST", "s".repeat(5000),
                new CodeVerifier()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void anAnonymousVisitorIsSentToSignInFirst() {
        HttpSession anonymous = new HttpSession(port);
        HttpResponse<String> response = anonymous.get(OAuth.authorizeQuery(app.key(), REDIRECT, "LIST", "s7",
                new CodeVerifier()));
        assertThat(HttpSession.location(response)).endsWith("/login");
    }
}
