package dev.partnerapps.enablement;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.PostgresTestBase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A first-time Enable racing a change that stops enablements counting must not escape the
 * generation fence (README, OAuth 2.0): the Enable waits for the application's row.
 */
class EnablementFencePostgresTests extends PostgresTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void aFirstEnableWaitsForAConcurrentMakePrivateAndThenSeesIt() throws Exception {
        Console console = console();
        Console.Credentials shared = console.publicApplication(ACME_DEVELOPER, "LIST");
        long appId = jdbc.queryForObject("select id from partner_applications where client_key = ?", Long.class,
                shared.key());
        try (Connection staff = dataSource.getConnection()) {
            // Staff's "Make Private", caught between its update and its commit.
            staff.setAutoCommit(false);
            try (PreparedStatement update = staff.prepareStatement(
                    "update partner_applications set visibility = 'PRIVATE', version = version + 1 where id = ?")) {
                update.setLong(1, appId);
                update.executeUpdate();
            }
            CompletableFuture<Integer> enable = CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(post("/admin/web-services/enabled-applications/{key}/enable", shared.key())
                            .with(console.as(GLOBEX_ADMIN)).with(csrf())).andReturn().getResponse().getStatus();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(enable).as("the Enable waits for the application's row").isNotDone();
            staff.commit();
            // It then sees a Private application of another company: not found, nothing enabled.
            assertThat(enable.get(10, TimeUnit.SECONDS)).isEqualTo(404);
        }
        assertThat(jdbc.queryForObject("select count(*) from application_enablements e join companies c"
                + " on c.id = e.company_id where e.application_id = ? and c.domain = 'globex.example'",
                Long.class, appId)).isZero();
    }
}
