package dev.partnerapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTests {

    private static OAuthProperties properties(String key, String file) {
        return new OAuthProperties(null, null, null, null, key, file, null, false);
    }

    @Test
    void withoutAKeyOrAKeyFileTheApplicationRefusesToStart() {
        assertThatThrownBy(() -> MasterKey.of(properties(null, "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PARTNERAPPS_OAUTH_MASTER_KEY");
        assertThatThrownBy(() -> MasterKey.of(properties("too-short", null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void encryptionRoundTripsAndNeedsTheSameKey() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        MasterKey master = MasterKey.of(properties(key, null));
        String sealed = master.encrypt("private key bytes".getBytes());
        assertThat(sealed).doesNotContain("private key bytes");
        assertThat(new String(MasterKey.of(properties(key, null)).decrypt(sealed))).isEqualTo("private key bytes");

        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> MasterKey.of(properties(Base64.getEncoder().encodeToString(other), null)).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEmbeddedProfileGeneratesAKeyFileOnceAndReusesIt(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("data/master.key");
        String sealed = MasterKey.of(properties(null, file.toString())).encrypt(new byte[] {1, 2, 3});
        assertThat(Files.readString(file).strip()).hasSize(44);
        assertThat(MasterKey.of(properties(null, file.toString())).decrypt(sealed)).containsExactly(1, 2, 3);
    }
}
