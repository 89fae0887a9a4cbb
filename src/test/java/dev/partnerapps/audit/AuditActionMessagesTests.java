package dev.partnerapps.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Audit Log page names each action by the message {@code auditAction.<constant>}: none is missing. */
class AuditActionMessagesTests {

    @Test
    void everyAuditActionHasItsName() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(Arrays.stream(AuditAction.values()).map(a -> "auditAction." + a))
                .allSatisfy(key -> assertThat(messages).containsKey(key));
    }
}
