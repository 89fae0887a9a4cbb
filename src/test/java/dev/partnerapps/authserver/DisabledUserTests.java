package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.support.CompanyAdministrator;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.Sandboxes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * docs/product.md section 5: disabling a user ends their grants and access tokens at once, and
 * re-enabling revives nothing issued before. Real pages, real token endpoints, real API.
 */
class DisabledUserTests extends IntegrationTestBase {

    private static final String REDIRECT = "https://app.example.com/callback";

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    RegisteredClientRepository clients;

    private final HttpClient http = HttpClient.newHttpClient();
    private Console.Credentials app;
    private CompanyAdministrator admin;

    @BeforeEach
    void setUp() throws Exception {
        Console console = console();
        app = console.publicApplication(Sandboxes.create(port), "LIST");
        console.enable(GLOBEX_ADMIN, app.key());
        admin = new CompanyAdministrator(port, GLOBEX_ADMIN, jdbc);
    }

    private Tokens authorize(CompanyAdministrator.User user) {
        HttpSession browser = new HttpSession(port);
        browser.signIn(user.email(), CompanyAdministrator.USER_PASSWORD);
        CodeVerifier verifier = new CodeVerifier();
        String code = OAuth.authorizationCode(browser, app.key(), REDIRECT, "LIST", verifier);
        return OAuth.tokens(oauth().exchange(app.key(), app.secret(), code, REDIRECT, verifier));
    }

    private int lists(Tokens tokens) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v3.0/common/lists"))
                .header("Authorization", "Bearer " + tokens.getAccessToken().getValue()).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private boolean active(Tokens tokens) {
        return oauth().introspect(app.key(), app.secret(), tokens.getAccessToken().getValue()).isActive();
    }

    private String refreshError(Tokens tokens) {
        return OAuth.error(oauth().refresh(app.key(), app.secret(), tokens.getRefreshToken().getValue())).getCode();
    }

    @Test
    void disablingAUserEndsTheirTokensAtOnceAndReEnablingRevivesNone() throws Exception {
        CompanyAdministrator.User user = admin.addUser("globex.example");
        Tokens tokens = authorize(user);
        assertThat(active(tokens)).isTrue();
        assertThat(lists(tokens)).isEqualTo(200);

        admin.disable(user);

        assertThat(active(tokens)).as("introspection right after the disable").isFalse();
        assertThat(lists(tokens)).as("the platform API on the next call").isEqualTo(401);
        assertThat(refreshError(tokens)).isEqualTo("invalid_grant");

        admin.enable(user);

        assertThat(active(tokens)).as("an access token from before the disable").isFalse();
        assertThat(lists(tokens)).isEqualTo(401);
        assertThat(refreshError(tokens)).as("a refresh token from before the disable").isEqualTo("invalid_grant");
        // The re-enabled user can authorize afresh; only what was issued before is gone.
        Tokens fresh = authorize(user);
        assertThat(active(fresh)).isTrue();
        assertThat(lists(fresh)).isEqualTo(200);
    }

    @Test
    void disablingOneUserLeavesTheOtherUsersTokensAlone() throws Exception {
        CompanyAdministrator.User disabled = admin.addUser("globex.example");
        CompanyAdministrator.User colleague = admin.addUser("globex.example");
        Tokens theirs = authorize(disabled);
        Tokens colleagues = authorize(colleague);

        admin.disable(disabled);

        assertThat(active(theirs)).isFalse();
        assertThat(active(colleagues)).isTrue();
        assertThat(lists(colleagues)).isEqualTo(200);
        assertThat(OAuth.tokens(oauth().refresh(app.key(), app.secret(), colleagues.getRefreshToken().getValue()))
                .getAccessToken()).isNotNull();
    }

    @Test
    void revokingWebServicesAdministratorLeavesTheUsersApiTokensAlone() throws Exception {
        CompanyAdministrator.User user = admin.addUser("globex.example");
        admin.grantWebServicesAdministrator(user);
        Tokens tokens = authorize(user);

        admin.revokeWebServicesAdministrator(user);

        // API tokens act for the user as an employee, which they still are.
        assertThat(active(tokens)).isTrue();
        assertThat(lists(tokens)).isEqualTo(200);
    }

    @Test
    void aGrantWrittenForTheUserAsTheyWereBeforeTheDisableStaysDeadAfterReEnabling() throws Exception {
        CompanyAdministrator.User user = admin.addUser("globex.example");
        // A request under way while the disable commits: it read the user before, and writes its
        // grant after the disable deleted the user's grants.
        PartnerUser readBefore = (PartnerUser) userDetails.loadUserByUsername(user.email());
        admin.disable(user);
        CodeVerifier verifier = new CodeVerifier();
        String lateCode = storeCode(readBefore, verifier);

        admin.enable(user);

        assertThat(OAuth.error(oauth().exchange(app.key(), app.secret(), lateCode, REDIRECT, verifier)).getCode())
                .isEqualTo("invalid_grant");
        // The same grant made for the user as they are now works: only the generation differs.
        PartnerUser readNow = (PartnerUser) userDetails.loadUserByUsername(user.email());
        String code = storeCode(readNow, verifier);
        assertThat(OAuth.tokens(oauth().exchange(app.key(), app.secret(), code, REDIRECT, verifier)).getAccessToken())
                .isNotNull();
    }

    /** What the authorization endpoint stores when it issues a code to the user. */
    private String storeCode(PartnerUser user, CodeVerifier verifier) {
        String code = "code-" + UUID.randomUUID();
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://localhost:" + port + "/oauth2/authorize")
                .clientId(app.key())
                .redirectUri(REDIRECT)
                .scopes(Set.of("LIST"))
                .state("in-flight")
                .additionalParameters(Map.of(PkceParameterNames.CODE_CHALLENGE,
                        CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue(),
                        PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"))
                .build();
        Instant now = Instant.now();
        authorizations.save(OAuth2Authorization.withRegisteredClient(clients.findByClientId(app.key()))
                .id(UUID.randomUUID().toString())
                .principalName(user.getUsername())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of("LIST"))
                .attribute(Principal.class.getName(),
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
                .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                .token(new OAuth2AuthorizationCode(code, now, now.plusSeconds(300)))
                .build());
        return code;
    }
}
