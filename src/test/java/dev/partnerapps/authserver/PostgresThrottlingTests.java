package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.Instances;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.PostgresTestBase;
import dev.partnerapps.support.Sandboxes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * docs/throttling.md: with two instances on one PostgreSQL, an attacker who alternates between
 * them gets no more attempts than against one: the failure buckets and sign-in counts are shared.
 */
@TestPropertySource(properties = {
        "partnerapps.throttling.clients.failures-per-key=5",
        "partnerapps.throttling.sign-in.account.free-failures=10",
        "partnerapps.throttling.sign-in.account.lock-after=4"})
class PostgresThrottlingTests extends PostgresTestBase {

    @Autowired
    Environment environment;

    @Test
    void alternatingInstancesGivesAnAttackerNoMoreWrongSecretsThanOneInstance() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Shared"), "LIST");
        try (ConfigurableApplicationContext other = Instances.another(environment,
                "--partnerapps.throttling.clients.failures-per-key=5")) {
            int[] ports = {port, Instances.port(other)};
            List<Integer> statuses = new ArrayList<>();
            for (int attempt = 0; attempt < 12; attempt++) {
                statuses.add(new OAuth(ports[attempt % 2]).clientCredentialsHttp(app.key(), "wrong", null).statusCode());
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
}
