package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.WebTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * docs/throttling.md, token endpoint: failed client authentication per address and per Key ends
 * in 429 with Retry-After, without holding back other clients; the optional per-Key ceiling.
 * Client addresses come from X-Forwarded-For, as behind a proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "partnerapps.throttling.clients.failures-per-address=5",
        "partnerapps.throttling.clients.failures-per-key=8",
        "partnerapps.throttling.clients.failure-period=10m",
        "partnerapps.throttling.clients.tokens-per-key-per-second=2"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ClientThrottlingTests extends WebTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void wrongSecretsFromOneAddressEndIn429WithRetryAfterWhileOtherClientsGetTokens() throws Exception {
        Console console = console();
        Console.Credentials target = console.register(ACME_DEVELOPER, Console.uniqueName("Target"), "LIST");
        Console.Credentials bystander = console.register(ACME_DEVELOPER, Console.uniqueName("Bystander"), "LIST");
        double before = throttled("client_address");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(token(target.key(), "wrong-" + attempt, "198.51.100.7").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> over = token(target.key(), "wrong-6", "198.51.100.7");
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.body()).contains("\"error\":\"temporarily_unavailable\"");
        assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow()))
                .as("one failure refills every 2 minutes").isBetween(1L, 120L);
        HttpResponse<String> rightSecret = token(target.key(), target.secret(), "198.51.100.7");
        assertThat(rightSecret.statusCode()).as("the blocked address is refused before any Secret is checked")
                .isEqualTo(429);
        assertThat(throttled("client_address")).isGreaterThanOrEqualTo(before + 2);

        assertThat(token(bystander.key(), bystander.secret(), "198.51.100.8").statusCode()).isEqualTo(200);
        assertThat(token(target.key(), target.secret(), "198.51.100.9").statusCode())
                .as("the Key itself is still under its own allowance").isEqualTo(200);
    }

    @Test
    void wrongSecretsForOneKeyFromManyAddressesBlockTheKeyButNotOtherKeys() throws Exception {
        Console console = console();
        Console.Credentials target = console.register(ACME_DEVELOPER, Console.uniqueName("Target"), "LIST");
        Console.Credentials bystander = console.register(ACME_DEVELOPER, Console.uniqueName("Bystander"), "LIST");

        for (int attempt = 1; attempt <= 8; attempt++) {
            assertThat(token(target.key(), "wrong", "192.0.2." + attempt).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> over = token(target.key(), "wrong", "192.0.2.100");
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(token(target.key(), target.secret(), "192.0.2.101").statusCode()).isEqualTo(429);
        assertThat(token(bystander.key(), bystander.secret(), "192.0.2.102").statusCode()).isEqualTo(200);
        assertThat(throttled("client_key")).isPositive();
    }

    @Test
    void unknownKeysAreCountedByAddressOnly() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(token("no-such-key-" + attempt, "x", "192.0.2.200").statusCode()).isEqualTo(401);
        }
        assertThat(token("no-such-key-6", "x", "192.0.2.200").statusCode()).isEqualTo(429);
        assertThat(token("no-such-key-7", "x", "192.0.2.201").statusCode()).isEqualTo(401);
    }

    @Test
    void theOptionalCeilingLimitsSuccessfulTokenRequestsPerKey() throws Exception {
        Console console = console();
        Console.Credentials busy = console.register(ACME_DEVELOPER, Console.uniqueName("Busy"), "LIST");
        Console.Credentials other = console.register(ACME_DEVELOPER, Console.uniqueName("Other"), "LIST");
        int refused = 0;
        HttpResponse<String> last = null;
        for (int request = 0; request < 6; request++) {
            last = token(busy.key(), busy.secret(), "203.0.113.50");
            if (last.statusCode() == 429) {
                refused++;
                assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(last.body()).contains("faster than its limit");
            } else {
                assertThat(last.statusCode()).isEqualTo(200);
            }
        }
        assertThat(refused).as("2 per second allowed, 6 asked at once").isGreaterThanOrEqualTo(3);
        assertThat(token(other.key(), other.secret(), "203.0.113.50").statusCode()).isEqualTo(200);
        assertThat(throttled("token_ceiling")).isPositive();
    }

    private HttpResponse<String> token(String key, String secret, String address) {
        return oauth().clientCredentialsHttp(key, secret, address);
    }

    private double throttled(String limit) {
        var counter = meters.find("partnerapps.throttled.requests").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }
}
