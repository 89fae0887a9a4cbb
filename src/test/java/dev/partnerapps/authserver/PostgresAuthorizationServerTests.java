package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.Instances;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.PostgresTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The authorization server on PostgreSQL, and several instances on one database behaving as
 * one: tokens, keys, grants and the enablement state are shared; changes reach every instance.
 */
class PostgresAuthorizationServerTests extends PostgresTestBase {

    private static final String REDIRECT = "https://app.example.com/callback";

    @Autowired
    Environment environment;

    @Autowired
    ChangeEpoch epoch;

    @Autowired
    ChangeNotifications notifications;

    /** Without notifications, and a poll too slow to matter during a test: the other instance only learns when told. */
    private static final String[] STALE = {"--partnerapps.oauth.change-notifications=false",
            "--partnerapps.oauth.cache-poll-interval=1h"};

    private final HttpClient http = HttpClient.newHttpClient();

    /** A second instance of the application on the same database, as a load balancer would have. */
    private ConfigurableApplicationContext secondInstance(String... settings) {
        return Instances.another(environment, settings);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Instances.port(context);
    }

    @Test
    void clientCredentialsCodeFlowRotationAndReuseDetectionWorkOnPostgresql() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("PG App"), "LIST", "USER");
        String token = oauth().accessToken(app.key(), app.secret());
        assertThat(oauth().introspect(app.key(), app.secret(), token).isActive()).isTrue();

        HttpSession user = new HttpSession(port);
        user.signIn(ACME_EMPLOYEE, PASSWORD);
        CodeVerifier verifier = new CodeVerifier();
        String code = OAuth.authorizationCode(user, app.key(), REDIRECT, "LIST", verifier);
        Tokens first = OAuth.tokens(oauth().exchange(app.key(), app.secret(), code, REDIRECT, verifier));
        Tokens second = OAuth.tokens(oauth().refresh(app.key(), app.secret(), first.getRefreshToken().getValue()));
        assertThat(OAuth.error(oauth().refresh(app.key(), app.secret(), first.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
        assertThat(OAuth.error(oauth().refresh(app.key(), app.secret(), second.getRefreshToken().getValue())).getCode())
                .isEqualTo("invalid_grant");
    }

    /** The fallback: without notifications the poll alone still carries a change within a second. */
    @Test
    void instancesOnOneDatabaseShareTokensAndHonourEachOthersChangesWithinASecond() throws Exception {
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().enable(GLOBEX_ADMIN, shared.key());
        try (ConfigurableApplicationContext other = secondInstance("--partnerapps.oauth.change-notifications=false")) {
            OAuth otherOAuth = new OAuth(port(other));
            String fromOther = OAuth.tokens(otherOAuth.token(OAuth.basic(shared.key(), shared.secret()),
                    new ClientCredentialsGrant(), null, "globex.example")).getAccessToken().getValue();
            String fromHere = OAuth.tokens(oauth().token(OAuth.basic(shared.key(), shared.secret()),
                    new ClientCredentialsGrant(), null, "globex.example")).getAccessToken().getValue();
            assertThat(oauth().introspect(shared.key(), shared.secret(), fromOther).isActive()).isTrue();
            assertThat(otherOAuth.introspect(shared.key(), shared.secret(), fromHere).isActive()).isTrue();

            // Globex disables the application here; the other instance must notice within a second.
            console().disable(GLOBEX_ADMIN, shared.key());
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
    void aDisableReachesTheOtherInstanceWithinOneHundredMillisecondsThroughANotification() throws Exception {
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().enable(GLOBEX_ADMIN, shared.key());
        // An hour between polls: only the notification can tell the other instance in time.
        try (ConfigurableApplicationContext other = secondInstance("--partnerapps.oauth.cache-poll-interval=1h")) {
            awaitListening(other);
            OAuth otherOAuth = new OAuth(port(other));
            String token = globexToken(otherOAuth, shared);
            // Reads "allowed" into the other instance's cache.
            assertThat(otherOAuth.introspect(shared.key(), shared.secret(), token).isActive()).isTrue();
            ChangeEpoch otherEpoch = other.getBean(ChangeEpoch.class);
            long generationBefore = otherEpoch.generation();

            console().disable(GLOBEX_ADMIN, shared.key());
            long committed = System.nanoTime();
            // A request is honoured when it reaches the instance; the answer may take longer on this
            // shared machine, so what counts is when the request that found the disable was sent.
            long sentMillis;
            boolean inactive;
            do {
                sentMillis = (System.nanoTime() - committed) / 1_000_000;
                inactive = !otherOAuth.introspect(shared.key(), shared.secret(), token).isActive();
            } while (!inactive && sentMillis < 100);
            assertThat(inactive).as("a request sent %d ms after the disable found it", sentMillis).isTrue();
            assertThat(sentMillis).isLessThan(100);
            assertThat(otherEpoch.generation()).as("a notification started a new cache generation")
                    .isGreaterThan(generationBefore);
            assertThat(OAuth.error(otherOAuth.token(OAuth.basic(shared.key(), shared.secret()),
                    new ClientCredentialsGrant(), null, "globex.example")).getCode()).isEqualTo("unauthorized_client");
        }
    }

    /** docs/product.md section 2: an overlap and an early revoke made here hold on every instance. */
    @Test
    void aNewSecretWithOverlapAndItsEarlyRevokeReachTheOtherInstance() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("PG Secrets"), "LIST");
        try (ConfigurableApplicationContext other = secondInstance()) {
            awaitListening(other);
            OAuth otherOAuth = new OAuth(port(other));
            // Caches the client with its one Secret on the other instance.
            assertThat(otherOAuth.clientCredentials(app.key(), app.secret()).indicatesSuccess()).isTrue();

            String html = mvc.perform(post("/admin/web-services/applications/{key}/new-secret", app.key())
                            .with(console().as(ACME_DEVELOPER)).with(csrf()).param("overlap", "ONE_DAY"))
                    .andReturn().getResponse().getContentAsString();
            String second = OAuth.hiddenValueById(html, "client-secret");
            assertThat(eventually(() -> otherOAuth.clientCredentials(app.key(), second).indicatesSuccess()))
                    .as("the other instance accepts the new Secret").isTrue();
            assertThat(otherOAuth.clientCredentials(app.key(), app.secret()).indicatesSuccess())
                    .as("and, during the overlap, the previous one").isTrue();

            long previous = jdbc.queryForObject("select min(s.id) from application_secrets s join partner_applications a"
                    + " on a.id = s.application_id where a.client_key = ?", Long.class, app.key());
            mvc.perform(post("/admin/web-services/applications/{key}/secrets/{id}/revoke", app.key(), previous)
                    .with(console().as(ACME_DEVELOPER)).with(csrf())).andExpect(status().isFound());

            assertThat(eventually(() -> !otherOAuth.clientCredentials(app.key(), app.secret()).indicatesSuccess()))
                    .as("the other instance refuses the revoked Secret").isTrue();
            assertThat(OAuth.error(otherOAuth.clientCredentials(app.key(), app.secret())).getCode())
                    .isEqualTo("invalid_client");
            assertThat(otherOAuth.clientCredentials(app.key(), second).indicatesSuccess()).isTrue();
        }
    }

    /** Whether the condition holds within a second. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(1));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    void tokensAnInstanceIssuedAfterADisableFromItsStaleCacheStayDeadAfterReEnabling() throws Exception {
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().enable(GLOBEX_ADMIN, shared.key());
        try (ConfigurableApplicationContext stale = secondInstance(STALE)) {
            OAuth staleOAuth = new OAuth(port(stale));
            // The stale instance reads "allowed" into its cache while it is true.
            assertThat(staleOAuth.introspect(shared.key(), shared.secret(), globexToken(staleOAuth, shared)).isActive())
                    .isTrue();

            console().disable(GLOBEX_ADMIN, shared.key());
            List<String> issuedAfterDisable = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                var response = staleOAuth.token(OAuth.basic(shared.key(), shared.secret()), new ClientCredentialsGrant(),
                        null, "globex.example");
                if (response.indicatesSuccess()) {
                    issuedAfterDisable.add(OAuth.tokens(response).getAccessToken().getValue());
                }
            }
            assertThat(issuedAfterDisable).as("the stale instance issued tokens after the disable").isNotEmpty();
            for (String token : issuedAfterDisable) {
                assertThat(oauth().introspect(shared.key(), shared.secret(), token).isActive()).isFalse();
            }

            console().enable(GLOBEX_ADMIN, shared.key());
            // The stale instance catches up, as its poll would.
            stale.getBean(ChangeEpoch.class).poll();

            for (String token : issuedAfterDisable) {
                for (OAuth instance : List.of(oauth(), staleOAuth)) {
                    assertThat(instance.introspect(shared.key(), shared.secret(), token).isActive())
                            .as("introspection at %s", instance.uri("")).isFalse();
                    assertThat(listsStatus(instance, token)).as("API at %s", instance.uri("")).isEqualTo(401);
                }
            }
            for (String fresh : List.of(globexToken(oauth(), shared), globexToken(staleOAuth, shared))) {
                for (OAuth instance : List.of(oauth(), staleOAuth)) {
                    assertThat(instance.introspect(shared.key(), shared.secret(), fresh).isActive()).isTrue();
                    assertThat(listsStatus(instance, fresh)).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void aLostListenerConnectionIsReplacedAndCountsAsAChange() throws Exception {
        awaitListening(notifications);
        long before = epoch.generation();
        jdbc.queryForList("select pg_terminate_backend(pid) from pg_stat_activity "
                + "where datname = current_database() and application_name = 'partnerapps-change-notifications'");

        // The reconnect starts a new generation: what was announced while nobody listened is lost. The
        // loss alone does not (the poll covers the gap, and through a database outage the caches are
        // meant to stay, see ChangeEpoch#poll).
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while ((epoch.generation() == before || !notifications.isListening()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(epoch.generation()).isGreaterThan(before);
        assertThat(notifications.isListening()).isTrue();

        long reconnected = epoch.generation();
        jdbc.queryForList("select pg_notify('" + ChangeEpoch.CHANNEL + "', '')");
        deadline = Instant.now().plus(Duration.ofSeconds(1));
        while (epoch.generation() == reconnected && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        assertThat(epoch.generation()).as("listening again after the reconnect").isGreaterThan(reconnected);
    }

    private static String globexToken(OAuth instance, Console.Credentials app) {
        return OAuth.tokens(instance.token(OAuth.basic(app.key(), app.secret()), new ClientCredentialsGrant(), null,
                "globex.example")).getAccessToken().getValue();
    }

    private int listsStatus(OAuth instance, String token) {
        try {
            return http.send(HttpRequest.newBuilder(instance.uri("/api/v3.0/common/lists"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitListening(ConfigurableApplicationContext instance) throws InterruptedException {
        awaitListening(instance.getBean(ChangeNotifications.class));
    }

    private static void awaitListening(ChangeNotifications notifications) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!notifications.isListening() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(notifications.isListening()).as("the instance listens for change notifications").isTrue();
    }

    @Test
    void aRestartKeepsIssuedTokensValidBecauseTheKeysLiveInTheDatabase() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Restart"), "LIST");
        String token;
        try (ConfigurableApplicationContext before = secondInstance()) {
            token = new OAuth(port(before)).accessToken(app.key(), app.secret());
        }
        try (ConfigurableApplicationContext after = secondInstance()) {
            assertThat(new OAuth(port(after)).introspect(app.key(), app.secret(), token).isActive()).isTrue();
        }
        assertThat(oauth().introspect(app.key(), app.secret(), token).isActive()).isTrue();
    }
}
