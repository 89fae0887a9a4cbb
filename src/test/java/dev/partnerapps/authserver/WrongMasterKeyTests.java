package dev.partnerapps.authserver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.partnerapps.PartnerAppsApplication;
import dev.partnerapps.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A master key other than the one the signing keys were sealed with stops the start, with the reason. */
@IntegrationTest
class WrongMasterKeyTests {

    @Autowired
    DataSource dataSource;

    @Test
    void anInstanceWithAnotherMasterKeyRefusesToStartInsteadOfFailingEveryTokenRequest() {
        // This context's own database (its URL was drawn at random when the context started).
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        String otherKey = Base64.getEncoder()
                .encodeToString("another master key, 32 bytes!!!!".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new SpringApplicationBuilder(PartnerAppsApplication.class).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--partnerapps.oauth.master-key=" + otherKey)
                .close())
                .hasStackTraceContaining("Cannot decrypt a signing key: is partnerapps.oauth.master-key the one");
    }
}
