package dev.partnerapps.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed description (docs/openapi/partner-apps.json), from which the build generates the
 * client that GeneratedClientTests use, is the one the server serves. After a change to the APIs
 * or their description, refresh it with
 * {@code ./mvnw test -Dtest=OpenApiDescriptionTests -Dpartnerapps.openapi.write=true} and build again.
 */
class OpenApiDescriptionTests extends IntegrationTestBase {

    static final Path COMMITTED = Path.of("docs/openapi/partner-apps.json");

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void theCommittedDescriptionIsTheServedOne() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode description = json.readTree(served.body());
        if (Boolean.getBoolean("partnerapps.openapi.write")) {
            Files.writeString(COMMITTED, json.writeValueAsString(description) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(json.readTree(Files.readString(COMMITTED)))
                .as("%s differs from the served /v3/api-docs: refresh it (see this test's javadoc)", COMMITTED)
                .isEqualTo(description);
    }

    /** Served on purpose: switched on explicitly, so springdoc does not warn at every start that they are on by default. */
    @Test
    void theDescriptionAndItsBrowserAreSwitchedOnExplicitly(@Autowired SpringDocConfigProperties springdoc,
            @Autowired SwaggerUiConfigProperties swaggerUi) {
        assertThat(springdoc.getApiDocs().isEnabled()).isTrue();
        assertThat(swaggerUi.isEnabled()).isTrue();
        assertThat(new HttpSession(port).get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
