package dev.partnerapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.application.ClientSecrets;
import dev.partnerapps.application.OAuthClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's stored secret: the application's working Secrets, each with its id and limit, checked with the Clock. */
class ClientSecretEncoderTests {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final ClientSecrets secrets = new ClientSecrets();
    private final List<Long> used = new ArrayList<>();
    private final ClientSecretEncoder encoder = new ClientSecretEncoder(secrets, Clock.fixed(NOW, ZoneOffset.UTC),
            used::add);

    @Test
    void oneSecretWithoutLimitMatchesByItsIdAndNothingElseDoes() {
        String encoded = ClientSecretEncoder.encoded(List.of(new OAuthClient.Secret(17, secrets.hash("s3cret"), null)));

        assertThat(encoded).isEqualTo("17::" + secrets.hash("s3cret"));
        assertThat(encoder.matchingSecret("s3cret", encoded)).isEqualTo(17);
        assertThat(encoder.matches("s3cret", encoded)).isTrue();
        assertThat(encoder.matches("s3cret!", encoded)).isFalse();
        assertThat(encoder.matches(null, encoded)).isFalse();
        assertThat(encoder.matches("s3cret", "")).isFalse();
        assertThat(encoder.matches("s3cret", secrets.hash("s3cret"))).as("not the client's form").isFalse();
        assertThat(used).as("only the match is reported as used").containsExactly(17L);
    }

    @Test
    void duringAnOverlapEitherSecretMatchesAndAPassedLimitRefuses() {
        String encoded = ClientSecretEncoder.encoded(List.of(
                new OAuthClient.Secret(1, secrets.hash("old"), NOW.plus(Duration.ofHours(1))),
                new OAuthClient.Secret(2, secrets.hash("new"), null)));

        assertThat(encoder.matchingSecret("old", encoded)).isEqualTo(1);
        assertThat(encoder.matchingSecret("new", encoded)).isEqualTo(2);

        ClientSecretEncoder later = new ClientSecretEncoder(secrets,
                Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC), used::add);
        assertThat(later.matchingSecret("old", encoded)).isEqualTo(ClientSecretEncoder.NO_MATCH);
        assertThat(later.matchingSecret("new", encoded)).isEqualTo(2);
    }
}
