package dev.partnerapps.usage;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.Instances;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.PostgresTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * docs/architecture.md, "Usage": two instances on one PostgreSQL count on their own and add up in
 * the database, even when both flush the same new rows at the same moment; last used moves on both.
 */
class UsagePostgresTests extends PostgresTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Environment environment;

    @Autowired
    UsageFlush flush;

    @Autowired
    UsageReports reports;

    @Test
    void countsOfTwoInstancesAddUpAndLastUsedMovesOnBoth() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Twice"), "LIST");
        long id = jdbc.queryForObject("select id from partner_applications where client_key = ?", Long.class, app.key());
        try (ConfigurableApplicationContext other = Instances.another(environment)) {
            int otherPort = Instances.port(other);
            UsageFlush otherFlush = other.getBean(UsageFlush.class);
            // Settle anything counted before, so the next flushes hold only this test's rows, new to both.
            flush.flush();
            otherFlush.flush();

            String here = null;
            String there = null;
            for (int i = 0; i < 4; i++) {
                here = oauth().accessToken(app.key(), app.secret());
            }
            for (int i = 0; i < 3; i++) {
                there = new OAuth(otherPort).accessToken(app.key(), app.secret());
            }
            for (int i = 0; i < 2; i++) {
                assertThat(api(port, here)).isEqualTo(200);
                assertThat(api(otherPort, there)).isEqualTo(200);
            }
            // Both instances insert the same new rows at once: one of them has to add to the other's.
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> await(start) && flush.flush());
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> await(start) && otherFlush.flush());
            assertThat(first.get()).isTrue();
            assertThat(second.get()).isTrue();

            UsageChart usage = reports.application(id);
            assertThat(usage.series("issued").total()).isEqualTo(7);
            assertThat(usage.series("api").total()).isEqualTo(4);
            assertThat(jdbc.queryForObject("select count(*) from usage_daily where application_id = ? and kind = 'issued'",
                    Long.class, id)).as("one row per day, company and grant type").isEqualTo(1);
            Instant firstUse = reports.applicationsLastUsed(List.of(id)).get(id);
            assertThat(firstUse).isNotNull();

            Thread.sleep(5);
            new OAuth(otherPort).accessToken(app.key(), app.secret());
            otherFlush.flush();
            Instant later = reports.applicationsLastUsed(List.of(id)).get(id);
            assertThat(later).isAfter(firstUse);
            assertThat(other.getBean(UsageReports.class).applicationsLastUsed(List.of(id))).containsEntry(id, later);
            assertThat(reports.application(id).series("issued").total()).isEqualTo(8);
        }
    }

    private static boolean await(CyclicBarrier barrier) {
        try {
            barrier.await();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int api(int port, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v3.0/common/lists"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
