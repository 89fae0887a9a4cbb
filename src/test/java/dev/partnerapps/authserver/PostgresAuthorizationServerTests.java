package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.partnerapps.PartnerAppsApplication;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.PostgresTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The authorization server on PostgreSQL, and several instances on one database behaving as
 * one: tokens, keys, grants and the enablement state are shared; changes reach every instance.
 */
@PostgresTest
class PostgresAuthorizationServerTests {

    private static final String REDIRECT = "https://app.example.com/callback";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    Environment environment;

    private Console console;
    private OAuth oauth;

    @BeforeEach
    void setUp() {
        console = new Console(mvc, userDetails);
        oauth = new OAuth(port);
    }

    /** A second instance of the application on the same database, as a load balancer would have. */
    private ConfigurableApplicationContext secondInstance() {
        // Command-line arguments: they outrank the test profile's in-memory database URL.
        return new SpringApplicationBuilder(PartnerAppsApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void clientCredentialsCodeFlowRotationAndReuseDetectionWorkOnPostgresql() throws Exception {
        Console.Credentials app = console.register(ACME_DEVELOPER, Console.uniqueName("PG App"), "LIST", "USER");
        String token = oauth.accessToken(app.key(), app.secret());
        assertThat(oauth.introspect(app.key(), app.secret(), token).isActive()).isTrue();

        HttpSession user = new HttpSession(port);
        user.signIn(ACME_EMPLOYEE, PASSWORD);
        CodeVerifier verifier = new CodeVerifier();
        String code = OAuth.authorizationCode(user, app.key(), REDIRECT, "LIST", verifier);
        Tokens first = OAuth.tokens(oauth.exchange(app.key(), app.secret(), code, REDIRECT, verifier));
        Tokens second = OAuth.tokens(oauth.refresh(app.key(), app.secret(), first.getRefreshToken().getValue()));
        assertThat(OAuth.error(oauth.refresh(app.key(), app.secret(), first.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
        assertThat(OAuth.error(oauth.refresh(app.key(), app.secret(), second.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
    }

    @Test
    void instancesOnOneDatabaseShareTokensAndHonourEachOthersChangesWithinASecond() throws Exception {
        Console.Credentials shared = console.publicApplication(ACME_DEVELOPER, "LIST");
        console.enable(GLOBEX_ADMIN, shared.key());
        try (ConfigurableApplicationContext other = secondInstance()) {
            OAuth otherOAuth = new OAuth(port(other));
            String fromOther = OAuth.tokens(otherOAuth.token(OAuth.basic(shared.key(), shared.secret()),
                    new ClientCredentialsGrant(), null, "globex.example")).getAccessToken().getValue();
            String fromHere = OAuth.tokens(oauth.token(OAuth.basic(shared.key(), shared.secret()),
                    new ClientCredentialsGrant(), null, "globex.example")).getAccessToken().getValue();
            assertThat(oauth.introspect(shared.key(), shared.secret(), fromOther).isActive()).isTrue();
            assertThat(otherOAuth.introspect(shared.key(), shared.secret(), fromHere).isActive()).isTrue();

            // Globex disables the application here; the other instance must notice within a second.
            console.disable(GLOBEX_ADMIN, shared.key());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(1));
            boolean inactive = false;
            while (!inactive && Instant.now().isBefore(deadline)) {
                inactive = !otherOAuth.introspect(shared.key(), shared.secret(), fromOther).isActive();
                if (!inactive) {
                    Thread.sleep(50);
                }
            }
            assertThat(inactive).as("the other instance saw the disable within a second").isTrue();
            assertThat(OAuth.error(otherOAuth.token(OAuth.basic(shared.key(), shared.secret()),
                    new ClientCredentialsGrant(), null, "globex.example")).getCode()).isEqualTo("unauthorized_client");
        }
    }

    @Test
    void aRestartKeepsIssuedTokensValidBecauseTheKeysLiveInTheDatabase() throws Exception {
        Console.Credentials app = console.register(ACME_DEVELOPER, Console.uniqueName("Restart"), "LIST");
        String token;
        try (ConfigurableApplicationContext before = secondInstance()) {
            token = new OAuth(port(before)).accessToken(app.key(), app.secret());
        }
        try (ConfigurableApplicationContext after = secondInstance()) {
            assertThat(new OAuth(port(after)).introspect(app.key(), app.secret(), token).isActive()).isTrue();
        }
        assertThat(oauth.introspect(app.key(), app.secret(), token).isActive()).isTrue();
    }
}
