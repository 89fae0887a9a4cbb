package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.WebTestBase;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The documented switch to JSON logs works, and token traffic puts no Secret or token in them. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.structured.format.console=ecs", "logging.level.dev.partnerapps=debug"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StructuredLoggingTests extends WebTestBase {

    @Test
    void logLinesAreEcsJsonAndCarryNoSecretOrToken(CapturedOutput output) throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Logs"), "LIST");
        OAuth oauth = oauth();
        String token = oauth.accessToken(app.key(), app.secret());
        OAuth.error(oauth.clientCredentials(app.key(), app.secret() + "x"));
        LoggerFactory.getLogger(StructuredLoggingTests.class).info("token traffic done");

        JsonMapper json = JsonMapper.builder().build();
        JsonNode line = Arrays.stream(output.getOut().split("\n"))
                .filter(candidate -> candidate.contains("token traffic done"))
                .map(json::readTree).findFirst().orElseThrow();
        assertThat(line.get("message").asString()).isEqualTo("token traffic done");
        assertThat(line.has("@timestamp")).isTrue();
        assertThat(line.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(output.getAll()).doesNotContain(app.secret(), token);
    }
}
