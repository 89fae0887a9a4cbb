package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import java.security.SecureRandom;
import java.security.Security;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The two settings that keep the token endpoint's tail short (docs/operations.md, "the tail at 32 connections"). */
class ServerTuningTests extends IntegrationTestBase {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void tomcatServesOverTheNio2Connector() throws Exception {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        assertThat(server.getTomcat().getConnector().getProtocolHandler()).isInstanceOf(Http11Nio2Protocol.class);
        // and tokens come through it over real HTTP, two in a row
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Connector"), "LIST");
        assertThat(oauth().accessToken(app.key(), app.secret())).isNotBlank();
        assertThat(oauth().accessToken(app.key(), app.secret())).isNotBlank();
    }

    @Test
    void theDefaultSecureRandomIsOneDrbgPerThreadWithoutALock() throws Exception {
        // installed by the application class itself, first in the list, once
        assertThat(Security.getProviders()[0].getName()).isEqualTo(PerThreadSecureRandom.PROVIDER_NAME);
        PerThreadSecureRandom.install();
        assertThat(Security.getProviders()).filteredOn(p -> p.getName().equals(PerThreadSecureRandom.PROVIDER_NAME)).hasSize(1);

        SecureRandom random = new SecureRandom();
        assertThat(random.getProvider().getName()).isEqualTo(PerThreadSecureRandom.PROVIDER_NAME);
        assertThat(random.getAlgorithm()).isEqualTo(PerThreadSecureRandom.ALGORITHM);
        // marked thread-safe, so SecureRandom itself takes no lock around the per-thread generators
        assertThat(random.getProvider().getProperty("SecureRandom." + PerThreadSecureRandom.ALGORITHM + " ThreadSafe"))
                .isEqualTo("true");

        // many threads drawing at once get values of their own: no two equal, none all zero
        int threads = 8;
        int draws = 500;
        Set<String> values = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < draws; i++) {
                    byte[] bytes = new byte[16];
                    random.nextBytes(bytes);
                    values.add(HexFormat.of().formatHex(bytes));
                }
            });
            workers[t].start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(values).hasSize(threads * draws).doesNotContain("0".repeat(32));

        // UUIDs and a second generator keep working through it
        Set<UUID> uuids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            uuids.add(UUID.randomUUID());
        }
        assertThat(uuids).hasSize(100);
        assertThat(new SecureRandom().generateSeed(32)).hasSize(32);
    }
}
