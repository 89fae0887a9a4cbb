package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.Sandboxes;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The client_credentials grant of docs/product.md section 5, over real HTTP. */
class ClientCredentialsTests extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, Object> claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet().getClaims();
    }

    @Test
    void noScopeMeansAllApisUsedAndTheTokenNamesTheOwnerCompany() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Tokens"), "LIST", "EXPRPT", "CCARD");
        String token = oauth().accessToken(app.key(), app.secret());
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
        assertThat((List<?>) claims.get("scope")).extracting(Object::toString)
                .containsExactlyInAnyOrder("LIST", "EXPRPT", "CCARD");
        assertThat(claims).containsEntry("company_domain", "acme-sandbox.example").containsEntry("client_id", app.key());
        assertThat(claims.get("company")).isEqualTo(String.valueOf(jdbc.queryForObject(
                "select id from companies where domain = 'acme-sandbox.example'", Long.class)));
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(lifetime).isEqualTo(3_600_000L);
    }

    @Test
    void aSubsetOfScopesIsGrantedAndAnythingOutsideApisUsedIsInvalidScope() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Subset"), "LIST", "EXPRPT");
        String token = OAuth.tokens(oauth().token(OAuth.basic(app.key(), app.secret()), new ClientCredentialsGrant(),
                "LIST", null)).getAccessToken().getValue();
        assertThat((List<?>) claims(token).get("scope")).extracting(Object::toString).containsExactly("LIST");

        for (String scope : new String[] {"USER", "LIST CCARD", "NOT-A-SCOPE"}) {
            ErrorObject error = OAuth.error(oauth().token(OAuth.basic(app.key(), app.secret()), new ClientCredentialsGrant(),
                    scope, null));
            assertThat(error.getCode()).isEqualTo("invalid_scope");
            assertThat(error.getHTTPStatusCode()).isEqualTo(400);
            assertThat(error.getDescription()).isNotBlank();
        }
    }

    @Test
    void theCompanyParameterNamesAnEnablingCompanyOfAPublicApplicationOnly() throws Exception {
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST");
        Console.Credentials privateApp = console().register(ACME_DEVELOPER, Console.uniqueName("Private"), "LIST");
        String sandbox = Sandboxes.create(port);
        String sandboxDomain = sandbox.substring(sandbox.indexOf('@') + 1);
        console().enable(GLOBEX_ADMIN, shared.key());

        assertThat(claims(OAuth.tokens(oauth().token(OAuth.basic(shared.key(), shared.secret()), new ClientCredentialsGrant(),
                null, "acme-sandbox.example")).getAccessToken().getValue())).containsEntry("company_domain", "acme-sandbox.example");
        assertThat(claims(OAuth.tokens(oauth().token(OAuth.post(shared.key(), shared.secret()), new ClientCredentialsGrant(),
                null, "GLOBEX.example")).getAccessToken().getValue())).containsEntry("company_domain", "globex.example");

        for (String company : new String[] {sandboxDomain, "no-such-company.example"}) {
            ErrorObject error = OAuth.error(oauth().token(OAuth.basic(shared.key(), shared.secret()),
                    new ClientCredentialsGrant(), null, company));
            assertThat(error.getCode()).isEqualTo("unauthorized_client");
            assertThat(error.getHTTPStatusCode()).isEqualTo(400);
        }
        // A Private application is for its owner only, even where someone enabled it before.
        assertThat(OAuth.error(oauth().token(OAuth.basic(privateApp.key(), privateApp.secret()), new ClientCredentialsGrant(),
                null, "globex.example")).getCode()).isEqualTo("unauthorized_client");
        console().visibility(shared.key(), "PRIVATE");
        assertThat(OAuth.error(oauth().token(OAuth.basic(shared.key(), shared.secret()), new ClientCredentialsGrant(),
                null, "globex.example")).getCode()).isEqualTo("unauthorized_client");
    }

    @Test
    void wrongSecretUnknownKeyAndInactiveApplicationAreInvalidClient() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Guarded"), "LIST");
        List<ErrorObject> errors = List.of(
                OAuth.error(oauth().clientCredentials(app.key(), app.secret() + "x")),
                OAuth.error(oauth().clientCredentials("unknown-key", app.secret())),
                OAuth.error(oauth().token(OAuth.post(app.key(), "wrong"), new ClientCredentialsGrant(), null, null)));
        String name = jdbc.queryForObject("select name from partner_applications where client_key = ?", String.class, app.key());
        console().modify(ACME_DEVELOPER, app.key(), name, false, "", "LIST");
        errors = new ArrayList<>(errors);
        errors.add(OAuth.error(oauth().clientCredentials(app.key(), app.secret())));
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.getCode()).isEqualTo("invalid_client");
            assertThat(error.getHTTPStatusCode()).isEqualTo(401);
            assertThat(error.getDescription()).isNotBlank();
        });
    }

    @Test
    void afterNewSecretTheOldSecretFailsTheNewOneWorksAndIssuedTokensStayValid() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Rotated"), "LIST");
        String issuedBefore = oauth().accessToken(app.key(), app.secret());
        String html = mvc.perform(post("/admin/web-services/applications/{key}/new-secret", app.key())
                .with(console().as(ACME_DEVELOPER)).with(csrf())).andReturn().getResponse().getContentAsString();
        String newSecret = OAuth.hiddenValueById(html, "client-secret");

        assertThat(OAuth.error(oauth().clientCredentials(app.key(), app.secret())).getCode()).isEqualTo("invalid_client");
        String issuedAfter = oauth().accessToken(app.key(), newSecret);
        assertThat(oauth().introspect(app.key(), newSecret, issuedBefore).isActive()).isTrue();
        assertThat(oauth().introspect(app.key(), newSecret, issuedAfter).isActive()).isTrue();
    }

    @Test
    void tokenResponsesAreNeverCached() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("NoStore"), "LIST");
        String basic = Base64.getEncoder().encodeToString((app.key() + ":" + app.secret()).getBytes());
        for (String secretHeader : new String[] {basic, Base64.getEncoder().encodeToString((app.key() + ":bad").getBytes())}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(oauth().uri("/oauth2/token"))
                    .header("Authorization", "Basic " + secretHeader)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        }
    }

    /** RFC 6749 section 5.1, member by member: the answer is written without Jackson (TokenResponseWriter). */
    @Test
    void theTokenAnswerIsJsonWithExactlyTheMembersOfRfc6749() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Answer"), "LIST", "EXPRPT");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(oauth().uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((app.key() + ":" + app.secret()).getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=EXPRPT+LIST")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length());
        Map<String, Object> answer = JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
        assertThat(answer).containsOnlyKeys("access_token", "token_type", "expires_in", "scope")
                .containsEntry("token_type", "Bearer");
        assertThat(((Number) answer.get("expires_in")).longValue()).isBetween(3590L, 3600L);
        assertThat(answer.get("scope").toString().split(" ")).containsExactlyInAnyOrder("LIST", "EXPRPT");
        assertThat(claims((String) answer.get("access_token"))).containsEntry("client_id", app.key());
    }

    @Test
    void passwordAndImplicitGrantsAreRefused() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Legacy"), "LIST");
        String basic = Base64.getEncoder().encodeToString((app.key() + ":" + app.secret()).getBytes());
        HttpResponse<String> password = HttpClient.newHttpClient().send(HttpRequest.newBuilder(oauth().uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=dev%40acme-sandbox.example"
                        + "&password=demo-password-1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.body()).contains("unsupported_grant_type");

        HttpSession user = new HttpSession(port);
        user.signIn(ACME_DEVELOPER, PASSWORD);
        HttpResponse<String> implicit = user.get("/oauth2/authorize?response_type=token&client_id=" + app.key()
                + "&redirect_uri=" + URLEncoder.encode("https://app.example.com/callback", "UTF-8") + "&state=s");
        assertThat(HttpSession.location(implicit)).doesNotContain("access_token");
        assertThat(implicit.statusCode() == 400 || HttpSession.location(implicit).contains("error=unsupported_response_type"))
                .isTrue();
    }
}
