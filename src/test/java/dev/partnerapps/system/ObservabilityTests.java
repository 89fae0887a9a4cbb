package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.OAuth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** docs/product.md section 9, "Qualities": the Prometheus scrape on the default profile's main port. */
class ObservabilityTests extends IntegrationTestBase {

    private static final String REDIRECT = "https://app.example.com/callback";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tokensRefusalsApiCallsRevocationsAndInvalidationsMoveTheirCounters() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Metrics"), "LIST");
        String before = scrape();

        String token = oauth().accessToken(app.key(), app.secret());
        assertThat(OAuth.error(oauth().clientCredentials(app.key(), app.secret() + "x")).getCode()).isEqualTo("invalid_client");
        HttpResponse<String> lists = http.send(HttpRequest.newBuilder(oauth().uri("/api/v3.0/common/lists"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lists.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(oauth().uri("/api/v3.0/common/lists"))
                .header("Authorization", "Bearer not-a-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(oauth().revoke(app.key(), app.secret(), new BearerAccessToken(token)))
                .isEqualTo(200);
        HttpSession user = new HttpSession(port);
        user.signIn(ACME_EMPLOYEE, PASSWORD);
        CodeVerifier verifier = new CodeVerifier();
        String code = OAuth.authorizationCode(user, app.key(), REDIRECT, "LIST", verifier);
        OAuth.tokens(oauth().exchange(app.key(), app.secret(), code, REDIRECT, verifier));
        String name = "Metrics renamed " + System.nanoTime();
        // Deactivating the application ends the user's grant and drops every instance's caches.
        console().modify(ACME_DEVELOPER, app.key(), name, false, REDIRECT, "LIST");

        String after = scrape();
        assertThat(delta(before, after, "partnerapps_oauth_tokens_issued_total", Map.of("grant_type", "client_credentials")))
                .isEqualTo(1);
        assertThat(delta(before, after, "partnerapps_oauth_tokens_issued_total", Map.of("grant_type", "authorization_code")))
                .isEqualTo(1);
        assertThat(delta(before, after, "partnerapps_oauth_tokens_refused_total",
                Map.of("grant_type", "client_credentials", "error", "invalid_client"))).isEqualTo(1);
        assertThat(delta(before, after, "partnerapps_oauth_client_authentication_failures_total",
                Map.of("endpoint", "token"))).isEqualTo(1);
        assertThat(delta(before, after, "http_server_requests_seconds_count",
                Map.of("api", "common", "method", "GET", "status", "200"))).isEqualTo(1);
        assertThat(delta(before, after, "http_server_requests_seconds_count",
                Map.of("api", "common", "status", "401"))).isEqualTo(1);
        // Both calls, the refused one too, in the API latency timer with its buckets (api.ApiLatencyFilter);
        // Boot's http_server_requests has none, so the token endpoint does not pay for them.
        assertThat(delta(before, after, "partnerapps_api_latency_seconds_count", Map.of("api", "common"))).isEqualTo(2);
        assertThat(delta(before, after, "partnerapps_api_latency_seconds_bucket", Map.of("api", "common", "le", "+Inf")))
                .isEqualTo(2);
        assertThat(delta(before, after, "partnerapps_api_latency_seconds_bucket", Map.of("api", "common", "le", "2.5")))
                .isEqualTo(2);
        assertThat(after).containsPattern("\npartnerapps_api_latency_seconds_bucket\\{[^}]*api=\"common\"[^}]*le=\"0.03\"")
                .doesNotContain("http_server_requests_seconds_bucket");
        assertThat(delta(before, after, "partnerapps_oauth_grants_revoked_total", Map.of("reason", "application_inactive")))
                .isEqualTo(1);
        assertThat(delta(before, after, "partnerapps_oauth_tokens_revoked_total", Map.of("token_type", "access_token")))
                .isEqualTo(1);
        assertThat(delta(before, after, "partnerapps_cache_invalidations_total", Map.of("cause", "local_change")))
                .isGreaterThanOrEqualTo(1);
        // Boot's own meters come with the registry: the connection pool, among others.
        assertThat(sum(after, "hikaricp_connections_max", Map.of())).isPositive();
        assertThat(after).doesNotContain(app.key(), app.secret(), token);
        // Spring Security's own observations are off: each filter's meters cost every request CPU
        // that nothing read (docs/performance.md, "Where a token's CPU goes").
        assertThat(after).doesNotContain("spring_security_");
        // Every series the Grafana dashboard queries is there once the app has been used.
        assertThat(dashboardMetrics()).isNotEmpty()
                .allSatisfy(metric -> assertThat(after).containsPattern("\n" + metric + "[{ ]"));
    }

    /** The metric names in docs/grafana-dashboard.json's queries: label matchers, ranges and "by" lists taken out. */
    private static Set<String> dashboardMetrics() throws Exception {
        String dashboard = Files.readString(Path.of("docs/grafana-dashboard.json"));
        Set<String> metrics = new TreeSet<>();
        Matcher expr = Pattern.compile("\"expr\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
        while (expr.find()) {
            String query = expr.group(1).replace("\\\"", "\"").replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^]]*]", " ").replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ");
            Matcher name = Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_]*)\\b(?!\\s*\\()").matcher(query);
            while (name.find()) {
                metrics.add(name.group(1));
            }
        }
        return metrics;
    }

    @Test
    void prometheusIsRefusedToAnotherMachineEvenWhenSignedIn() throws Exception {
        RequestPostProcessor remote = request -> {
            request.setRemoteAddr("203.0.113.9");
            return request;
        };
        mvc.perform(get("/actuator/prometheus").with(remote)).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(remote).with(console().as(ACME_DEVELOPER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health").with(remote)).andExpect(status().isOk());
    }

    @Test
    void otherActuatorEndpointsNeedSignInAndAnswer401RatherThanARedirect() throws Exception {
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info").with(console().as(ACME_DEVELOPER))).andExpect(status().isOk());
    }

    @Test
    void loopbackAddressesAreRecognisedAndNothingElse() {
        assertThat(ManagementSecurityConfig.isLoopback("127.0.0.1")).isTrue();
        assertThat(ManagementSecurityConfig.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(ManagementSecurityConfig.isLoopback("::1")).isTrue();
        assertThat(ManagementSecurityConfig.isLoopback("10.0.0.1")).isFalse();
        assertThat(ManagementSecurityConfig.isLoopback("localhost.evil.example")).isFalse();
        assertThat(ManagementSecurityConfig.isLoopback(null)).isFalse();
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    /** The sum of every sample of the metric whose labels include the given ones. */
    private static double sum(String scrape, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }
}
