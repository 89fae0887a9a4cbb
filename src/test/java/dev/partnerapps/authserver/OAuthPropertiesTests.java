package dev.partnerapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OAuthPropertiesTests {

    private static OAuthProperties properties(String issuer, boolean required) {
        return new OAuthProperties(issuer, null, null, null, null, null, null, required);
    }

    @Test
    void aRequiredIssuerMustBeSet() {
        assertThatIllegalStateException().isThrownBy(() -> properties(null, true).requiredIssuer())
                .withMessageContaining("partnerapps.oauth.issuer");
        assertThatIllegalStateException().isThrownBy(() -> properties(" ", true).requiredIssuer());
        assertThat(properties("https://partners.example.com", true).requiredIssuer()).isEqualTo("https://partners.example.com");
        assertThat(properties(null, false).requiredIssuer()).isNull();
    }

    @Test
    void thePostgresProfileRequiresAnIssuer() throws Exception {
        Properties postgres = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application-postgres.properties")) {
            postgres.load(in);
        }
        assertThat(postgres.getProperty("partnerapps.oauth.require-issuer")).isEqualTo("true");
    }
}
