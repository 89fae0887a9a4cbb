package dev.partnerapps.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The actuator on a separate management port, as the postgres profile runs it: the scrape answers
 * there, nothing on that port is sent to a sign-in page, and load balancers keep probes on the main port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "management.server.address=127.0.0.1",
        "management.endpoint.health.probes.add-additional-paths=true"})
@ActiveProfiles("test")
class ManagementPortTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusAndHealthAnswerOnTheManagementPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("partnerapps_oauth_tokens_issued_total", "hikaricp_connections");
        assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void otherEndpointsOnTheManagementPortAre401NotARedirectToSignIn() throws Exception {
        HttpResponse<String> info = get(managementPort, "/actuator/info");
        assertThat(info.statusCode()).isEqualTo(401);
        assertThat(info.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theMainPortNoLongerServesTheScrapeButKeepsTheProbes() throws Exception {
        HttpResponse<String> scrape = get(port, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isNotEqualTo(200);
        assertThat(scrape.body()).doesNotContain("partnerapps_oauth_tokens_issued_total");
        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
    }
}
