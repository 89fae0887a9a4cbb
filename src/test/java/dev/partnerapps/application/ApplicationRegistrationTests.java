package dev.partnerapps.application;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.enablement.Enablements;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.Sandboxes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class ApplicationRegistrationTests extends IntegrationTestBase {

    private static final Pattern FIELD_VALUE = Pattern.compile("id=\"%s\" value=\"([^\"]*)\"");
    private static final String APPLICATIONS = "/admin/web-services/applications";

    @Autowired
    ClientSecrets secrets;

    @Autowired
    Enablements enablements;

    @Autowired
    PartnerApplicationRepository applications;

    record Registered(String key, String secret, String html) {
    }

    private RequestPostProcessor as(String email) {
        return user(userDetails.loadUserByUsername(email));
    }

    private static String uniqueName() {
        return "App " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String name,
            String... scopes) {
        request.with(csrf()).param("name", name).param("description", "Syncs expenses")
                .param("active", "true").param("_active", "on")
                .param("redirectUris", "https://app.example.com/callback");
        for (String scope : scopes) {
            request.param("scopes", scope);
        }
        return request;
    }

    private static String fieldValue(String html, String id) {
        Matcher matcher = Pattern.compile(String.format(FIELD_VALUE.pattern(), id)).matcher(html);
        assertThat(matcher.find()).as("field %s on the page", id).isTrue();
        return matcher.group(1);
    }

    private Registered register(String developer, String name, String... scopes) throws Exception {
        String html = mvc.perform(form(post(APPLICATIONS), name, scopes).with(as(developer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Application Authorization")))
                .andReturn().getResponse().getContentAsString();
        return new Registered(fieldValue(html, "client-key"), fieldValue(html, "client-secret"), html);
    }

    private Map<String, Object> row(String key) {
        return jdbc.queryForMap("select * from partner_applications where client_key = ?", key);
    }

    /** The digest of the current Secret: the one New Secret has not ended. */
    private String currentDigest(String key) {
        return jdbc.queryForObject("select s.digest from application_secrets s join partner_applications a on a.id = s.application_id"
                + " where a.client_key = ? and s.ends_at is null", String.class, key);
    }

    private long applicationCount() {
        return jdbc.queryForObject("select count(*) from partner_applications", Long.class);
    }

    @Test
    void registeringShowsTheKeyAndSecretOnceAndEnablesTheApplicationForItsOwner() throws Exception {
        String name = uniqueName();
        Registered app = register(ACME_DEVELOPER, name, "LIST", "EXPRPT", "CCARD");

        assertThat(app.html()).contains("acme-sandbox.example", "shown only this once");
        assertThat(app.key()).matches("[A-Za-z0-9_-]{24}");
        assertThat(app.secret()).matches("[A-Za-z0-9_-]{43}");

        Map<String, Object> row = row(app.key());
        assertThat(row.get("name")).isEqualTo(name);
        assertThat(row.get("visibility")).isEqualTo("PRIVATE");
        assertThat(row.get("active")).isEqualTo(true);
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(app.secret()));
        assertThat(secrets.matches(app.secret(), currentDigest(app.key()))).isTrue();
        assertThat(jdbc.queryForList("select scope from partner_application_scopes where application_id = ?",
                String.class, row.get("id"))).containsExactlyInAnyOrder("LIST", "EXPRPT", "CCARD");

        long id = ((Number) row.get("id")).longValue();
        long acme = ((Number) row.get("owner_company_id")).longValue();
        assertThat(enablements.isEnabled(id, acme)).isTrue();

        mvc.perform(get(APPLICATIONS + "/{key}", app.key()).with(as(ACME_DEVELOPER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(app.key())))
                .andExpect(content().string(not(containsString(app.secret()))));
        mvc.perform(get(APPLICATIONS).with(as(ACME_DEVELOPER)))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString(app.key())))
                .andExpect(content().string(not(containsString(app.secret()))));

        assertThat(jdbc.queryForList("select action from audit_events where application_id = ?", String.class, id))
                .containsExactly("REGISTERED");
        assertThat(jdbc.queryForList("select * from audit_events where application_id = ?", id).toString())
                .doesNotContain(app.secret());
    }

    @Test
    void aNewSecretIsShownOnceAndTheOldOneStopsVerifyingAtOnce() throws Exception {
        Registered app = register(ACME_DEVELOPER, uniqueName(), "LIST");
        String hashBefore = currentDigest(app.key());

        // The confirmation page changes nothing.
        mvc.perform(get(APPLICATIONS + "/{key}/new-secret", app.key()).with(as(ACME_DEVELOPER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Create New Secret")));
        assertThat(currentDigest(app.key())).isEqualTo(hashBefore);

        String html = mvc.perform(post(APPLICATIONS + "/{key}/new-secret", app.key()).with(as(ACME_DEVELOPER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The previous Secret no longer works")))
                .andReturn().getResponse().getContentAsString();
        String newSecret = fieldValue(html, "client-secret");
        assertThat(fieldValue(html, "client-key")).isEqualTo(app.key());
        assertThat(newSecret).isNotEqualTo(app.secret());

        String hashAfter = currentDigest(app.key());
        assertThat(secrets.matches(app.secret(), hashAfter)).isFalse();
        assertThat(secrets.matches(newSecret, hashAfter)).isTrue();
        assertThat(row(app.key()).values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(newSecret));
        assertThat(jdbc.queryForList("select action from audit_events where application_id = ? order by id",
                String.class, row(app.key()).get("id"))).containsExactly("REGISTERED", "NEW_SECRET");
    }

    @Test
    void theSecretVerifierRejectsAnythingButTheExactSecret() {
        String secret = secrets.newSecret();
        String hash = secrets.hash(secret);
        assertThat(secrets.matches(secret, hash)).isTrue();
        assertThat(secrets.matches(secret.substring(1), hash)).isFalse();
        assertThat(secrets.matches(secret + "x", hash)).isFalse();
        assertThat(secrets.matches("", hash)).isFalse();
        assertThat(secrets.matches(null, hash)).isFalse();
        assertThat(secrets.matches(secret, "{bcrypt}whatever")).isFalse();
        assertThat(secrets.matches(secret, "{sha256}not base64!")).isFalse();
        assertThat(secrets.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void quickExpenseWithoutExpenseReportIsRefusedWithTheSpecifiedMessage() throws Exception {
        long before = applicationCount();
        String name = uniqueName();
        mvc.perform(form(post(APPLICATIONS), name, "QUICKX", "LIST").with(as(ACME_DEVELOPER)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "scopes", "validation.application.scopes.requires"))
                .andExpect(content().string(containsString("Quick Expense requires Expense Report")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")))
                .andExpect(content().string(containsString("id=\"scope-QUICKX\" checked=\"checked\"")));
        assertThat(applicationCount()).isEqualTo(before);
        register(ACME_DEVELOPER, uniqueName(), "QUICKX", "EXPRPT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CCARD", "BANK", "PASSV", "TSAI", "EMERG"})
    void aSensitiveGroupNeedsItsApi(String group) throws Exception {
        long before = applicationCount();
        mvc.perform(form(post(APPLICATIONS), uniqueName(), group, "LIST").with(as(ACME_DEVELOPER)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "scopes",
                        "validation.application.scopes.groupWithoutApi"))
                .andExpect(content().string(containsString("can be selected only with")));
        assertThat(applicationCount()).isEqualTo(before);
    }

    @Test
    void nameDescriptionAndApisAreValidatedTogether() throws Exception {
        long before = applicationCount();
        mvc.perform(post(APPLICATIONS).with(as(ACME_DEVELOPER)).with(csrf())
                        .param("name", "  ").param("description", "d".repeat(1001)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "name", "description", "scopes"))
                .andExpect(content().string(containsString("Choose at least one API.")));
        mvc.perform(form(post(APPLICATIONS), "n".repeat(81), "LIST").with(as(ACME_DEVELOPER)))
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "Size"));
        mvc.perform(form(post(APPLICATIONS), uniqueName(), "LIST", "NOPE").with(as(ACME_DEVELOPER)))
                .andExpect(model().attributeHasFieldErrorCode("form", "scopes", "validation.application.scopes.unknown"));
        assertThat(applicationCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://app.example.com/callback",
        "https://app.example.com/callback#fragment",
        "https://*.example.com/callback",
        "https://app.example.com/*",
        "javascript:alert(1)",
        "data:text/html,hello",
        "https://app.example@evil.example/callback",
        "/relative/callback",
        "https://app.example.com/a/../callback",
        "https://app.example.com/%2e%2e/callback",
        "https:///callback",
        "not a uri at all"
    })
    void unsafeRedirectUrisAreRefusedAndKept(String uri) throws Exception {
        long before = applicationCount();
        mvc.perform(post(APPLICATIONS).with(as(ACME_DEVELOPER)).with(csrf())
                        .param("name", uniqueName()).param("scopes", "LIST")
                        .param("redirectUris", "https://ok.example.com/cb\n" + uri))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "redirectUris", "validation.application.redirectUri"))
                .andExpect(content().string(containsString("Line 2:")));
        assertThat(applicationCount()).isEqualTo(before);
    }

    @Test
    void httpsAndLoopbackHttpRedirectUrisAreAccepted() throws Exception {
        String name = uniqueName();
        String html = mvc.perform(post(APPLICATIONS).with(as(ACME_DEVELOPER)).with(csrf())
                        .param("name", name).param("scopes", "LIST")
                        .param("redirectUris", "https://app.example.com/cb?x=1\n\nhttp://localhost:8080/cb\r\nhttp://127.0.0.1/cb\n"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(row(fieldValue(html, "client-key")).get("redirect_uris"))
                .isEqualTo("https://app.example.com/cb?x=1\nhttp://localhost:8080/cb\nhttp://127.0.0.1/cb");
    }

    @Test
    void namesAreUniqueWithinACompanyButNotAcrossCompanies() throws Exception {
        String name = uniqueName();
        register(ACME_DEVELOPER, name, "LIST");
        long before = applicationCount();
        mvc.perform(form(post(APPLICATIONS), "  " + name.toUpperCase() + " ", "LIST").with(as(ACME_DEVELOPER)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "validation.application.name.taken"));
        assertThat(applicationCount()).isEqualTo(before);

        register(Sandboxes.create(port), name, "LIST");
    }

    @Test
    void aForgedVisibilityOwnerOrReviewStateIsIgnored() throws Exception {
        String html = mvc.perform(form(post(APPLICATIONS), uniqueName(), "LIST").with(as(ACME_DEVELOPER))
                        .param("visibility", "PUBLIC").param("reviewState", "APPROVED")
                        .param("ownerCompanyId", "1").param("key", "chosen-key").param("id", "1"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Object> row = row(fieldValue(html, "client-key"));
        assertThat(row.get("visibility")).isEqualTo("PRIVATE");
        assertThat(row.get("review_state")).isEqualTo("NOT_SUBMITTED");
        assertThat(row.get("client_key")).isNotEqualTo("chosen-key");
        assertThat(row.get("owner_company_id")).isNotEqualTo(1L);

        String key = (String) row.get("client_key");
        mvc.perform(form(post(APPLICATIONS + "/{key}", key), (String) row.get("name"), "LIST")
                        .param("version", "0").param("visibility", "PUBLIC").with(as(ACME_DEVELOPER)))
                .andExpect(redirectedUrl(APPLICATIONS));
        assertThat(row(key).get("visibility")).isEqualTo("PRIVATE");
    }

    @Test
    void modifyingSavesTheChangesAndAuditsWhatChanged() throws Exception {
        Registered app = register(ACME_DEVELOPER, uniqueName(), "LIST");
        String renamed = uniqueName();
        mvc.perform(post(APPLICATIONS + "/{key}", app.key()).with(as(ACME_DEVELOPER)).with(csrf())
                        .param("name", renamed).param("description", "New words").param("_active", "on")
                        .param("scopes", "LIST").param("scopes", "USER").param("version", "0"))
                .andExpect(redirectedUrl(APPLICATIONS));
        Map<String, Object> row = row(app.key());
        assertThat(row.get("name")).isEqualTo(renamed);
        assertThat(row.get("active")).isEqualTo(false);
        assertThat(row.get("description")).isEqualTo("New words");
        assertThat(jdbc.queryForObject("select detail from audit_events where application_id = ? and action = 'MODIFIED'",
                String.class, row.get("id"))).isEqualTo("Changed: Name, Description, Active, Redirect URIs, APIs Used.");
    }

    @Test
    void aStaleFormIsRefusedAndDoesNotOverwriteTheNewerSave() throws Exception {
        Registered app = register(ACME_DEVELOPER, uniqueName(), "LIST");
        String first = uniqueName();
        mvc.perform(form(post(APPLICATIONS + "/{key}", app.key()), first, "LIST").param("version", "0")
                        .with(as(ACME_DEVELOPER)))
                .andExpect(redirectedUrl(APPLICATIONS));
        mvc.perform(form(post(APPLICATIONS + "/{key}", app.key()), uniqueName(), "LIST", "USER").param("version", "0")
                        .with(as(ACME_DEVELOPER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this application")));
        assertThat(row(app.key()).get("name")).isEqualTo(first);
    }

    @Test
    void aStaleFormIsOnlyToldItIsStaleWhateverElseIsWrongWithIt() throws Exception {
        Registered app = register(ACME_DEVELOPER, uniqueName(), "LIST");
        mvc.perform(form(post(APPLICATIONS + "/{key}", app.key()), uniqueName(), "LIST").param("version", "0")
                        .with(as(ACME_DEVELOPER)))
                .andExpect(redirectedUrl(APPLICATIONS));
        mvc.perform(form(post(APPLICATIONS + "/{key}", app.key()), uniqueName(), "QUICKX").param("version", "0")
                        .with(as(ACME_DEVELOPER)))
                .andExpect(status().isOk())
                .andExpect(model().attributeErrorCount("form", 1))
                .andExpect(content().string(containsString("Someone else changed this application")));
    }

    @Test
    void aTakenNameIsReportedTogetherWithTheOtherMistakes() throws Exception {
        String name = uniqueName();
        register(ACME_DEVELOPER, name, "LIST");
        mvc.perform(form(post(APPLICATIONS), name, "QUICKX").with(as(ACME_DEVELOPER)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "validation.application.name.taken"))
                .andExpect(model().attributeHasFieldErrorCode("form", "scopes", "validation.application.scopes.requires"));
    }

    @Test
    void anotherCompanysApplicationIsNotFoundByKeyOrIdAndNothingChanges() throws Exception {
        Registered app = register(ACME_DEVELOPER, uniqueName(), "LIST");
        Map<String, Object> before = row(app.key());
        String other = Sandboxes.create(port);
        List<MockHttpServletRequestBuilder> attempts = List.of(
                get(APPLICATIONS + "/{key}", app.key()),
                get(APPLICATIONS + "/{id}", before.get("id")),
                form(post(APPLICATIONS + "/{key}", app.key()), "Hijacked", "LIST").param("version", "0"),
                get(APPLICATIONS + "/{key}/new-secret", app.key()),
                post(APPLICATIONS + "/{key}/new-secret", app.key()).with(csrf()),
                post(APPLICATIONS + "/{id}/new-secret", before.get("id")).with(csrf()));
        for (MockHttpServletRequestBuilder attempt : attempts) {
            mvc.perform(attempt.with(as(other)).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(app.key()))));
        }
        assertThat(row(app.key())).isEqualTo(before);
        mvc.perform(get(APPLICATIONS).with(as(other))).andExpect(content().string(not(containsString(app.key()))));
    }

    @Test
    void onlyAdministratorsOfDevelopmentPartnersMayRegister() throws Exception {
        for (String email : new String[] {GLOBEX_ADMIN, ACME_EMPLOYEE, STAFF}) {
            mvc.perform(get(APPLICATIONS).with(as(email))).andExpect(status().isForbidden());
            mvc.perform(form(post(APPLICATIONS), uniqueName(), "LIST").with(as(email))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/web-services").with(as(email)))
                    .andExpect(content().string(not(containsString("Register Partner Application"))));
        }
        mvc.perform(get("/admin/web-services").with(as(ACME_DEVELOPER)))
                .andExpect(content().string(containsString("Register Partner Application")));
    }

    @Test
    void applicationTextIsEscapedOnEveryPage() throws Exception {
        String name = "<script>alert(1)</script> " + UUID.randomUUID().toString().substring(0, 4);
        Registered app = register(ACME_DEVELOPER, name, "LIST");
        assertThat(app.html()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        for (String path : new String[] {APPLICATIONS, APPLICATIONS + "/" + app.key(), APPLICATIONS + "/" + app.key() + "/new-secret"}) {
            mvc.perform(get(path).with(as(ACME_DEVELOPER)))
                    .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                    .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
        }
    }

    @Test
    void keysAreUniqueAndUnguessable() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(secrets.newKey());
        }
        assertThat(keys).hasSize(1000).allSatisfy(key -> assertThat(key).matches("[A-Za-z0-9_-]{24}"));
        assertThat(applications.existsByKey(secrets.newKey())).isFalse();
    }
}
