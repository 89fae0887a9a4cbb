package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.Instances;
import dev.partnerapps.support.PostgresTest;
import dev.partnerapps.support.Sandboxes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * docs/throttling.md: with two instances on one PostgreSQL, an attacker who alternates between
 * them gets no more attempts than against one: the failure buckets and sign-in counts are shared.
 */
@PostgresTest
@TestPropertySource(properties = {
        "partnerapps.throttling.clients.failures-per-key=5",
        "partnerapps.throttling.sign-in.account.free-failures=10",
        "partnerapps.throttling.sign-in.account.lock-after=4"})
class PostgresThrottlingTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void alternatingInstancesGivesAnAttackerNoMoreWrongSecretsThanOneInstance() throws Exception {
        Console.Credentials app = new Console(mvc, userDetails).register(ACME_DEVELOPER, Console.uniqueName("Shared"), "LIST");
        try (ConfigurableApplicationContext other = Instances.another(environment,
                "--partnerapps.throttling.clients.failures-per-key=5")) {
            int[] ports = {port, Instances.port(other)};
            List<Integer> statuses = new ArrayList<>();
            for (int attempt = 0; attempt < 12; attempt++) {
                statuses.add(token(ports[attempt % 2], app.key(), "wrong").statusCode());
            }
            assertThat(statuses.stream().filter(status -> status == 401).count())
                    .as("the Key's five failures, spent across both instances: %s", statuses).isEqualTo(5);
            assertThat(statuses.subList(5, 12)).containsOnly(429);
            assertThat(jdbc.queryForObject("select count(*) from client_authentication_buckets where id = ?",
                    Long.class, "key:" + app.key())).isEqualTo(1);
        }
    }

    @Test
    void signInFailuresOnEitherInstanceCountTowardsOneLock() throws Exception {
        String email = Sandboxes.create(port);
        try (ConfigurableApplicationContext other = Instances.another(environment,
                "--partnerapps.throttling.sign-in.account.free-failures=10",
                "--partnerapps.throttling.sign-in.account.lock-after=4")) {
            int[] ports = {port, Instances.port(other)};
            for (int failure = 0; failure < 4; failure++) {
                new HttpSession(ports[failure % 2]).signIn(email, "wrong password");
            }
            HttpSession browser = new HttpSession(port);
            assertThat(HttpSession.location(browser.signIn(email, Sandboxes.PASSWORD))).contains("/login?error");
            assertThat(browser.get("/login?error").body()).contains("this account is locked until");
        }
    }

    private HttpResponse<String> token(int port, String key, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
