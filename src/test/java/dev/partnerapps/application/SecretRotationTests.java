package dev.partnerapps.application;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.MovableClock;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.usage.UsageReports;
import dev.partnerapps.usage.UsageTesting;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * docs/product.md section 2, Secrets: overlap, expiry, revoke early and at most two, through the
 * console and real token requests, with a clock the test moves forward.
 */
class SecretRotationTests extends IntegrationTestBase {

    private static final String APPLICATIONS = "/admin/web-services/applications";

    @TestConfiguration(proxyBeanMethods = false)
    static class MovedClock {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;

    @Autowired
    ApplicationContext context;

    @Autowired
    UsageReports usage;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    private String newSecret(String key, String overlap, String expiry) throws Exception {
        var request = post(APPLICATIONS + "/{key}/new-secret", key).with(console().as(ACME_DEVELOPER)).with(csrf());
        if (overlap != null) {
            request.param("overlap", overlap);
        }
        if (expiry != null) {
            request.param("expiry", expiry);
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return OAuth.hiddenValueById(html, "client-secret");
    }

    private boolean works(String key, String secret) {
        return oauth().clientCredentials(key, secret).indicatesSuccess();
    }

    private String refusal(String key, String secret) {
        return OAuth.error(oauth().clientCredentials(key, secret)).getCode();
    }

    private List<String> auditDetails(String key, String action) {
        return jdbc.queryForList("select e.detail from audit_events e join partner_applications a on a.id = e.application_id"
                + " where a.client_key = ? and e.action = ? order by e.id", String.class, key, action);
    }

    private long secretId(String key, int index) {
        return jdbc.queryForList("select s.id from application_secrets s join partner_applications a"
                + " on a.id = s.application_id where a.client_key = ? order by s.id", Long.class, key).get(index);
    }

    @Test
    void duringAnOverlapBothSecretsWorkAndAfterItTheOldOneIsInvalidClient() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Overlap"), "LIST");

        String html = mvc.perform(post(APPLICATIONS + "/{key}/new-secret", app.key()).with(console().as(ACME_DEVELOPER))
                        .with(csrf()).param("overlap", "ONE_HOUR"))
                .andExpect(content().string(containsString("The previous Secret works until")))
                .andReturn().getResponse().getContentAsString();
        String second = OAuth.hiddenValueById(html, "client-secret");

        assertThat(works(app.key(), app.secret())).isTrue();
        assertThat(works(app.key(), second)).isTrue();
        assertThat(auditDetails(app.key(), "NEW_SECRET")).singleElement().asString()
                .startsWith("The previous secret works until ").contains("(overlap 1 hour)");

        clock.moveForward(Duration.ofMinutes(61));

        assertThat(refusal(app.key(), app.secret())).isEqualTo("invalid_client");
        assertThat(works(app.key(), second)).isTrue();
    }

    @Test
    void theSecretsTableShowsWhichSecretLastAuthenticatedAToken() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Last used"), "LIST");
        String second = newSecret(app.key(), "ONE_HOUR", null);
        long oldId = secretId(app.key(), 0);
        long newId = secretId(app.key(), 1);

        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assertThat(works(app.key(), app.secret())).isTrue();
        Instant after = clock.instant();
        UsageTesting.flush(context);

        Instant lastUsed = usage.secretLastUsed(oldId).orElseThrow();
        assertThat(lastUsed).isBetween(before, after);
        assertThat(usage.secretLastUsed(newId)).isEmpty();
        String html = mvc.perform(get(APPLICATIONS + "/{key}", app.key()).with(console().as(ACME_DEVELOPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(lastUsedCell(html, oldId)).contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneOffset.UTC).format(lastUsed)).doesNotContain("Never");
        assertThat(lastUsedCell(html, newId)).contains("Never");

        assertThat(works(app.key(), second)).isTrue();
        UsageTesting.flush(context);
        assertThat(usage.secretLastUsed(newId)).isPresent();
    }

    /** The "Last used" cell of one Secret's row in the Secrets table. */
    private static String lastUsedCell(String html, long secretId) {
        int row = html.indexOf("data-secret-id=\"" + secretId + "\"");
        assertThat(row).as("row of Secret %d", secretId).isPositive();
        int cell = html.indexOf("class=\"last-used\"", row);
        assertThat(cell).as("Last used of Secret %d", secretId).isPositive().isLessThan(html.indexOf("</tr>", row));
        return html.substring(cell, html.indexOf("</td>", cell));
    }

    @Test
    void nowStillEndsTheCurrentSecretAtOnce() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Now"), "LIST");

        String second = newSecret(app.key(), "NOW", null);

        assertThat(refusal(app.key(), app.secret())).isEqualTo("invalid_client");
        assertThat(works(app.key(), second)).isTrue();
        assertThat(auditDetails(app.key(), "NEW_SECRET")).containsExactly("The previous secret no longer works.");
    }

    @Test
    void revokingThePreviousSecretEndsItsOverlapAtOnceAndIsAudited() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Revoke"), "LIST");
        String second = newSecret(app.key(), "SEVEN_DAYS", null);
        long previous = secretId(app.key(), 0);

        mvc.perform(get(APPLICATIONS + "/{key}", app.key()).with(console().as(ACME_DEVELOPER)))
                .andExpect(content().string(containsString("/secrets/" + previous + "/revoke")))
                .andExpect(content().string(containsString("data-confirm=\"The previous Secret, created ")));
        mvc.perform(post(APPLICATIONS + "/{key}/secrets/{id}/revoke", app.key(), previous)
                        .with(console().as(ACME_DEVELOPER)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flash", "flash.secret.revoked"));

        assertThat(refusal(app.key(), app.secret())).isEqualTo("invalid_client");
        assertThat(works(app.key(), second)).isTrue();
        assertThat(auditDetails(app.key(), "SECRET_REVOKED")).singleElement().asString()
                .startsWith("The previous secret, created ").endsWith("no longer works.");
        mvc.perform(get(APPLICATIONS + "/{key}", app.key()).with(console().as(ACME_DEVELOPER)))
                .andExpect(content().string(not(containsString("/revoke"))));
    }

    @Test
    void theCurrentSecretCannotBeRevokedNorAnotherApplicationsSecret() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Keep"), "LIST");
        long current = secretId(app.key(), 0);

        mvc.perform(post(APPLICATIONS + "/{key}/secrets/{id}/revoke", app.key(), current)
                        .with(console().as(ACME_DEVELOPER)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", "flash.secret.notRevocable"));
        Console.Credentials other = console().register(ACME_DEVELOPER, Console.uniqueName("Other"), "LIST");
        newSecret(other.key(), "ONE_DAY", null);
        mvc.perform(post(APPLICATIONS + "/{key}/secrets/{id}/revoke", app.key(), secretId(other.key(), 0))
                        .with(console().as(ACME_DEVELOPER)).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(works(app.key(), app.secret())).isTrue();
        assertThat(works(other.key(), other.secret())).isTrue();
        assertThat(auditDetails(app.key(), "SECRET_REVOKED")).isEmpty();
    }

    @Test
    void aThirdSecretDuringAnOverlapEndsTheOldestSoAtMostTwoWork() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Three"), "LIST");
        String second = newSecret(app.key(), "ONE_DAY", null);
        String third = newSecret(app.key(), "ONE_DAY", null);

        assertThat(refusal(app.key(), app.secret())).isEqualTo("invalid_client");
        assertThat(works(app.key(), second)).isTrue();
        assertThat(works(app.key(), third)).isTrue();
    }

    @Test
    void anExpiredSecretIsInvalidClientAndIsWarnedAbout14DaysBefore() throws Exception {
        String name = Console.uniqueName("Expiring");
        String html = mvc.perform(post(APPLICATIONS).with(console().as(ACME_DEVELOPER)).with(csrf())
                        .param("name", name).param("description", "Expires").param("active", "true")
                        .param("redirectUris", "https://app.example.com/callback").param("scopes", "LIST")
                        .param("secretExpiry", "DAYS_90"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String key = OAuth.hiddenValueById(html, "client-key");
        String secret = OAuth.hiddenValueById(html, "client-secret");
        String search = APPLICATIONS + "?q=" + name;

        assertThat(works(key, secret)).isTrue();
        mvc.perform(get(search).with(console().as(ACME_DEVELOPER)))
                .andExpect(content().string(not(containsString("Secret expires"))));

        clock.moveForward(Duration.ofDays(77));

        mvc.perform(get(search).with(console().as(ACME_DEVELOPER)))
                .andExpect(content().string(containsString("Secret expires ")));
        mvc.perform(get("/").with(console().as(ACME_DEVELOPER)))
                .andExpect(content().string(containsString("Secrets about to expire")))
                .andExpect(content().string(containsString(name)));
        assertThat(works(key, secret)).isTrue();

        clock.moveForward(Duration.ofDays(13).plusMinutes(1));

        assertThat(refusal(key, secret)).isEqualTo("invalid_client");
        mvc.perform(get(search).with(console().as(ACME_DEVELOPER)))
                .andExpect(content().string(containsString("Secret expired ")));
    }

    @Test
    void theModifyPageListsTheSecretsWithCreatedExpiresAndCreatedBy() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Listed"), "LIST");
        newSecret(app.key(), "ONE_HOUR", "ONE_YEAR");

        String html = mvc.perform(get(APPLICATIONS + "/{key}", app.key()).with(console().as(ACME_DEVELOPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String table = html.substring(html.indexOf("id=\"secrets\""), html.indexOf("</table>", html.indexOf("id=\"secrets\"")));

        assertThat(table.split("data-secret-id=").length - 1).isEqualTo(2);
        assertThat(table).contains("Created", "Expires", "Created by", ACME_DEVELOPER, "Never", "Current", "Works until");
        assertThat(table).doesNotContain(app.secret()).doesNotContain("{sha256}");
    }
}
