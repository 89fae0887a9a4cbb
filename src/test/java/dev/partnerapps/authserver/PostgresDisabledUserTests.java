package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.partnerapps.support.CompanyAdministrator;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.Instances;
import dev.partnerapps.support.PostgresTestBase;
import dev.partnerapps.support.Sandboxes;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** A user disabled on one instance loses their tokens on every other instance too, and for good. */
class PostgresDisabledUserTests extends PostgresTestBase {

    private static final String REDIRECT = "https://app.example.com/callback";

    @Autowired
    Environment environment;

    /** A second instance on the same database that polls hourly: only the notification can tell it in time. */
    private ConfigurableApplicationContext secondInstance() {
        return Instances.another(environment, "--partnerapps.oauth.cache-poll-interval=1h");
    }

    @Test
    void aUserDisabledOnOneInstanceIsInactiveOnTheOtherWithinASecondAndStaysSoAfterReEnabling() throws Exception {
        Console console = console();
        Console.Credentials app = console.publicApplication(Sandboxes.create(port), "LIST");
        console.enable(GLOBEX_ADMIN, app.key());
        CompanyAdministrator admin = new CompanyAdministrator(port, GLOBEX_ADMIN, jdbc);
        CompanyAdministrator.User user = admin.addUser("globex.example");

        try (ConfigurableApplicationContext other = secondInstance()) {
            awaitListening(other.getBean(ChangeNotifications.class));
            int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
            OAuth otherOAuth = new OAuth(otherPort);
            HttpSession browser = new HttpSession(otherPort);
            browser.signIn(user.email(), CompanyAdministrator.USER_PASSWORD);
            CodeVerifier verifier = new CodeVerifier();
            String code = OAuth.authorizationCode(browser, app.key(), REDIRECT, "LIST", verifier);
            Tokens tokens = OAuth.tokens(otherOAuth.exchange(app.key(), app.secret(), code, REDIRECT, verifier));
            String accessToken = tokens.getAccessToken().getValue();
            // Reads "this grant exists" into the other instance's cache.
            assertThat(otherOAuth.introspect(app.key(), app.secret(), accessToken).isActive()).isTrue();

            admin.disable(user);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(1));
            boolean inactive;
            do {
                inactive = !otherOAuth.introspect(app.key(), app.secret(), accessToken).isActive();
            } while (!inactive && Instant.now().isBefore(deadline));
            assertThat(inactive).as("the other instance saw the disable within a second").isTrue();
            assertThat(OAuth.error(otherOAuth.refresh(app.key(), app.secret(), tokens.getRefreshToken().getValue()))
                    .getCode()).isEqualTo("invalid_grant");

            admin.enable(user);
            assertThat(otherOAuth.introspect(app.key(), app.secret(), accessToken).isActive()).isFalse();
            assertThat(OAuth.error(otherOAuth.refresh(app.key(), app.secret(), tokens.getRefreshToken().getValue()))
                    .getCode()).isEqualTo("invalid_grant");
        }
    }

    private static void awaitListening(ChangeNotifications notifications) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!notifications.isListening() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(notifications.isListening()).as("the instance listens for change notifications").isTrue();
    }
}
