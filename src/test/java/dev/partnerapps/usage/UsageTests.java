package dev.partnerapps.usage;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.Sandboxes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * docs/product.md, "Usage and last used": what the token endpoint and the platform APIs answered,
 * counted per application, company and day, written by the flush, and shown on the pages.
 */
class UsageTests extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    UsageFlush flush;

    @Autowired
    UsageRecorder recorder;

    @Autowired
    UsageReports reports;

    @Test
    void tokensRefusalsAndApiCallsAreCountedExactlyAfterAFlush() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Counted"), "LIST");
        OAuth oauth = oauth();
        String token = null;
        for (int i = 0; i < 5; i++) {
            token = oauth.accessToken(app.key(), app.secret());
        }
        for (int i = 0; i < 2; i++) {
            assertThat(oauth.clientCredentialsHttp(app.key(), "wrong secret", null).statusCode()).isEqualTo(401);
        }
        // Refused after the client authenticated: a company that has not enabled it.
        assertThat(OAuth.error(oauth.token(OAuth.basic(app.key(), app.secret()), new ClientCredentialsGrant(), null,
                "globex.example")).getCode()).isEqualTo("unauthorized_client");
        for (int i = 0; i < 3; i++) {
            assertThat(api(token, "/api/v3.0/common/lists").statusCode()).isEqualTo(200);
        }
        assertThat(api(token, "/api/v3.0/common/listitems/999999999").statusCode()).isEqualTo(404);
        assertThat(api("not a token", "/api/v3.0/common/lists").statusCode()).isEqualTo(401);

        assertThat(flush.flush()).isTrue();

        long id = applicationId(app.key());
        long owner = ownerOf(id);
        assertThat(count(id, owner, "issued", "client_credentials")).isEqualTo(5);
        assertThat(count(id, UsageRecorder.NO_COMPANY, "refused", "invalid_client")).isEqualTo(2);
        assertThat(count(id, UsageRecorder.NO_COMPANY, "refused", "unauthorized_client")).isEqualTo(1);
        assertThat(count(id, owner, "api", "common 200")).isEqualTo(3);
        assertThat(count(id, owner, "api", "common 404")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from usage_daily where application_id = ? and kind = 'api'"
                + " and detail like '% 401'", Long.class, id)).as("a call without a valid token names no application").isZero();

        // A second flush adds only what came since: nothing is added twice.
        oauth.accessToken(app.key(), app.secret());
        assertThat(flush.flush()).isTrue();
        assertThat(flush.flush()).isTrue();
        assertThat(count(id, owner, "issued", "client_credentials")).isEqualTo(6);

        UsageChart chart = reports.application(id);
        assertThat(chart.series("issued").total()).isEqualTo(6);
        assertThat(chart.series("api").total()).isEqualTo(4);
        assertThat(chart.series("refused").total()).isEqualTo(3);
        assertThat(chart.days()).hasSize(UsageReports.DAYS);
        assertThat(chart.days().get(UsageReports.DAYS - 1).issued()).isEqualTo(6);
    }

    @Test
    void lastUsedMovesWithEachTokenForTheApplicationAndTheEnablement() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Last"), "LIST");
        long id = applicationId(app.key());
        long owner = ownerOf(id);
        assertThat(reports.applicationsLastUsed(List.of(id))).isEmpty();

        oauth().accessToken(app.key(), app.secret());
        flush.flush();
        Instant first = reports.applicationsLastUsed(List.of(id)).get(id);
        assertThat(first).isNotNull();
        assertThat(reports.enablementsLastUsed(owner, List.of(id))).containsEntry(id, first);

        Thread.sleep(5);
        oauth().accessToken(app.key(), app.secret());
        flush.flush();
        Instant second = reports.applicationsLastUsed(List.of(id)).get(id);
        assertThat(second).isAfter(first);
        assertThat(reports.enablementsLastUsed(owner, List.of(id))).containsEntry(id, second);
        assertThat(reports.enablementsLastUsed(owner + 1_000_000, List.of(id))).isEmpty();

        String list = mvc.perform(get("/admin/web-services/applications").param("q", "Last")
                        .with(console().as(ACME_DEVELOPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneOffset.UTC).format(second));
    }

    @Test
    void aConsentsLastUseIsItsLastTokenAndShowsOnConnectedApplications() throws Exception {
        String user = Sandboxes.create(port);
        Console.Credentials app = console().register(user, Console.uniqueName("Consented"), "LIST");
        long id = applicationId(app.key());
        String redirect = "https://app.example.com/callback";
        HttpSession browser = new HttpSession(port);
        browser.signIn(user, Sandboxes.PASSWORD);
        CodeVerifier verifier = new CodeVerifier();
        String code = OAuth.authorizationCode(browser, app.key(), redirect, "LIST", verifier);
        assertThat(browser.get("/account/connected-applications").body()).contains("Never");
        String refresh = OAuth.tokens(oauth().exchange(app.key(), app.secret(), code, redirect, verifier))
                .getRefreshToken().getValue();
        flush.flush();
        Instant first = reports.consentsLastUsed(user, List.of(id)).get(id);
        assertThat(first).isNotNull();
        assertThat(reports.consentsLastUsed("someone-else@example.com", List.of(id))).isEmpty();

        Thread.sleep(5);
        OAuth.tokens(oauth().refresh(app.key(), app.secret(), refresh));
        flush.flush();
        Instant refreshed = reports.consentsLastUsed(user, List.of(id)).get(id);
        assertThat(refreshed).isAfter(first);
        assertThat(count(id, ownerOf(id), "issued", "authorization_code")).isEqualTo(1);
        assertThat(count(id, ownerOf(id), "issued", "refresh_token")).isEqualTo(1);
        assertThat(browser.get("/account/connected-applications").body()).doesNotContain("Never")
                .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC)
                        .format(refreshed));
    }

    @Test
    void aSecretsLastUseIsRecordedAndReadBack() {
        long secretId = 900_000_000L + (long) (Math.random() * 1_000_000);
        assertThat(reports.secretLastUsed(secretId)).isEmpty();
        recorder.secretUsed(secretId);
        flush.flush();
        Instant used = reports.secretLastUsed(secretId).orElseThrow();
        assertThat(used).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(reports.secretsLastUsed(List.of(secretId, secretId + 1))).containsOnlyKeys(secretId);
    }

    @Test
    void theOwnerSeesEveryCompanysUsageAndAnotherCompanyGetsNotFound() throws Exception {
        Console console = console();
        Console.Credentials app = console.register(ACME_DEVELOPER, Console.uniqueName("Charted"), "LIST");
        OAuth oauth = oauth();
        String token = oauth.accessToken(app.key(), app.secret());
        oauth.accessToken(app.key(), app.secret());
        api(token, "/api/v3.0/common/lists");
        flush.flush();

        String page = mvc.perform(get("/admin/web-services/applications/{key}/usage", app.key()).with(console.as(ACME_DEVELOPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"usage-total-issued\">2<", "id=\"usage-total-api\">1<",
                "id=\"usage-total-refused\">0<", "Acme Sandbox");

        String stranger = Sandboxes.create(port);
        mvc.perform(get("/admin/web-services/applications/{key}/usage", app.key()).with(console.as(stranger)))
                .andExpect(status().isNotFound());
        // Not Public: Globex cannot see it on Enable Applications, so not its usage either.
        mvc.perform(get("/admin/web-services/enabled-applications/{key}/usage", app.key()).with(console.as(GLOBEX_ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEnablingCompanySeesOnlyItsOwnUseAndStaffSeeTheTotal() throws Exception {
        Console console = console();
        Console.Credentials app = console.publicApplication(ACME_DEVELOPER, "LIST");
        console.enable(GLOBEX_ADMIN, app.key());
        OAuth oauth = oauth();
        oauth.accessToken(app.key(), app.secret());
        for (int i = 0; i < 3; i++) {
            OAuth.tokens(oauth.token(OAuth.basic(app.key(), app.secret()),
                    new ClientCredentialsGrant(), null, "globex.example"));
        }
        flush.flush();

        String globex = mvc.perform(get("/admin/web-services/enabled-applications/{key}/usage", app.key())
                        .with(console.as(GLOBEX_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(globex).contains("id=\"usage-total-issued\">3<").doesNotContain("usage-companies");
        String list = mvc.perform(get("/admin/web-services/enabled-applications").param("q", "Public")
                        .with(console.as(GLOBEX_ADMIN)))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/admin/web-services/enabled-applications/" + app.key() + "/usage");

        String staff = mvc.perform(get("/admin/web-services/reviews/{key}", app.key())
                        .with(console.as(STAFF)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staff).contains("id=\"usage-total-issued\">4<", "Globex Corporation");
    }

    @Test
    void retentionDeletesDaysOlderThanTheRetentionPeriodOnly() {
        long app = 800_000_000L + (long) (Math.random() * 1_000_000);
        LocalDate today = LocalDate.of(2031, 6, 30);
        for (LocalDate day : List.of(today, today.minusDays(399), today.minusDays(400), today.minusDays(1000))) {
            jdbc.update("insert into usage_daily (usage_day, application_id, company_id, kind, detail, count)"
                    + " values (?, ?, 1, 'issued', 'client_credentials', 1)", Date.valueOf(day), app);
        }
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        new UsageRetention(jdbc, new UsageProperties(Duration.ofSeconds(5), 400), clock).deleteOldDays();
        assertThat(jdbc.queryForList("select usage_day from usage_daily where application_id = ? order by usage_day",
                LocalDate.class, app)).containsExactly(today.minusDays(399), today);
    }

    private HttpResponse<String> api(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long applicationId(String key) {
        return jdbc.queryForObject("select id from partner_applications where client_key = ?", Long.class, key);
    }

    private long ownerOf(long applicationId) {
        return jdbc.queryForObject("select owner_company_id from partner_applications where id = ?", Long.class,
                applicationId);
    }

    private long count(long applicationId, long companyId, String kind, String detail) {
        Long count = jdbc.queryForObject("select coalesce(sum(count), 0) from usage_daily where application_id = ?"
                + " and company_id = ? and kind = ? and detail = ?", Long.class, applicationId, companyId, kind, detail);
        return count == null ? 0 : count;
    }
}
