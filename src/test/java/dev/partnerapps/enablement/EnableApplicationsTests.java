package dev.partnerapps.enablement;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class EnableApplicationsTests extends IntegrationTestBase {

    private static final String PAGE = "/admin/web-services/enabled-applications";

    @Autowired
    Enablements enablements;

    @Autowired
    ApplicationEvents events;

    private long id(String key) {
        return jdbc.queryForObject("select id from partner_applications where client_key = ?", Long.class, key);
    }

    private long company(String domain) {
        return jdbc.queryForObject("select id from companies where domain = ?", Long.class, domain);
    }

    private String page(String admin) throws Exception {
        return mvc.perform(get(PAGE).with(console().as(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theOwnerSeesItsActiveApplicationsEnabledAndOthersSeeOnlyPublicOnes() throws Exception {
        String privateName = Console.uniqueName("Private");
        Console.Credentials privateApp = console().register(ACME_DEVELOPER, privateName, "LIST");
        Console.Credentials publicApp = console().publicApplication(ACME_DEVELOPER, "LIST", "EXPRPT", "CCARD");

        assertThat(page(ACME_DEVELOPER)).contains(privateName, privateApp.key(), publicApp.key());
        String globex = page(GLOBEX_ADMIN);
        assertThat(globex).contains(publicApp.key(), "Acme Sandbox", "Credit Card Data", "Sensitive")
                .doesNotContain(privateApp.key(), privateName);
        assertThat(enablements.isEnabled(id(privateApp.key()), company("acme-sandbox.example"))).isTrue();
        assertThat(enablements.isEnabled(id(publicApp.key()), company("globex.example"))).isFalse();
    }

    @Test
    void enablingAndDisablingChangeTheSingleSourceAndPublishEvents() throws Exception {
        Console.Credentials app = console().publicApplication(ACME_DEVELOPER, "LIST");
        long appId = id(app.key());
        long globex = company("globex.example");
        assertThat(enablements.isAllowed(appId, globex)).isFalse();

        console().enable(GLOBEX_ADMIN, app.key());
        assertThat(enablements.isEnabled(appId, globex)).isTrue();
        assertThat(enablements.isAllowed(appId, globex)).isTrue();
        assertThat(events.stream(ApplicationEnabled.class))
                .anySatisfy(e -> assertThat(e.applicationId() == appId && e.companyId() == globex).isTrue());

        console().disable(GLOBEX_ADMIN, app.key());
        assertThat(enablements.isEnabled(appId, globex)).isFalse();
        assertThat(enablements.isAllowed(appId, globex)).isFalse();
        assertThat(events.stream(ApplicationDisabled.class))
                .anySatisfy(e -> assertThat(e.applicationId() == appId && e.companyId() == globex).isTrue());
        assertThat(jdbc.queryForList("select action from audit_events where application_id = ? and company_id = ? order by id",
                String.class, appId, globex)).containsExactly("ENABLED", "DISABLED");
    }

    @Test
    void aForgedEnableOfAnotherCompanysPrivateApplicationIsNotFoundAndChangesNothing() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Secret plan"), "LIST");
        mvc.perform(post(PAGE + "/{key}/enable", app.key()).with(console().as(GLOBEX_ADMIN)).with(csrf())
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        mvc.perform(post(PAGE + "/{id}/enable", id(app.key())).with(console().as(GLOBEX_ADMIN)).with(csrf())
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from application_enablements where application_id = ? and company_id = ?",
                Long.class, id(app.key()), company("globex.example"))).isZero();
    }

    @Test
    void inactiveApplicationsNeverAppearAndCannotBeEnabled() throws Exception {
        Console.Credentials app = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().enable(GLOBEX_ADMIN, app.key());
        String name = jdbc.queryForObject("select name from partner_applications where client_key = ?", String.class, app.key());
        console().modify(ACME_DEVELOPER, app.key(), name, false, "https://app.example.com/callback", "LIST");

        assertThat(page(GLOBEX_ADMIN)).doesNotContain(app.key());
        assertThat(page(ACME_DEVELOPER)).doesNotContain(app.key());
        assertThat(enablements.isAllowed(id(app.key()), company("globex.example"))).isFalse();
        mvc.perform(post(PAGE + "/{key}/disable", app.key()).with(console().as(GLOBEX_ADMIN)).with(csrf())
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPublicApplicationMadePrivateDisappearsAndItsEnablementStopsCounting() throws Exception {
        Console.Credentials app = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().enable(GLOBEX_ADMIN, app.key());
        console().visibility(app.key(), "PRIVATE");

        assertThat(page(GLOBEX_ADMIN)).doesNotContain(app.key());
        assertThat(enablements.isEnabled(id(app.key()), company("globex.example"))).isTrue();
        assertThat(enablements.isAllowed(id(app.key()), company("globex.example"))).isFalse();
        assertThat(enablements.isAllowed(id(app.key()), company("acme-sandbox.example"))).isTrue();
    }

    @Test
    void everyWayAnEnablementStopsCountingStartsANewGenerationOfIt() throws Exception {
        Console.Credentials app = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().enable(GLOBEX_ADMIN, app.key());
        long appId = id(app.key());
        long globex = company("globex.example");
        long acme = company("acme-sandbox.example");
        String name = jdbc.queryForObject("select name from partner_applications where id = ?", String.class, appId);
        String redirect = "https://app.example.com/callback";
        assertThat(enablements.allowance(appId, globex)).hasValue(0);
        assertThat(enablements.allowance(appId, acme)).hasValue(0);

        // Private: every company's enablement but the owner's.
        console().visibility(app.key(), "PRIVATE");
        assertThat(enablements.allowance(appId, globex)).isEmpty();
        console().visibility(app.key(), "PUBLIC");
        assertThat(enablements.allowance(appId, globex)).hasValue(1);
        assertThat(enablements.allowance(appId, acme)).hasValue(0);

        // Back to review (new APIs Used): Private again until approved, the owner unaffected.
        console().modify(ACME_DEVELOPER, app.key(), name, true, redirect, "LIST", "USER");
        assertThat(enablements.allowance(appId, globex)).isEmpty();
        console().approve(app.key());
        console().visibility(app.key(), "PUBLIC");
        assertThat(enablements.allowance(appId, globex)).hasValue(2);
        assertThat(enablements.allowance(appId, acme)).hasValue(0);

        // Inactive: every company's, the owner's too.
        console().modify(ACME_DEVELOPER, app.key(), name, false, redirect, "LIST", "USER");
        assertThat(enablements.allowance(appId, globex)).isEmpty();
        assertThat(enablements.allowance(appId, acme)).isEmpty();
        console().modify(ACME_DEVELOPER, app.key(), name, true, redirect, "LIST", "USER");
        assertThat(enablements.allowance(appId, globex)).hasValue(3);
        assertThat(enablements.allowance(appId, acme)).hasValue(1);

        // Disabled by the company: that company's only.
        console().disable(GLOBEX_ADMIN, app.key());
        console().enable(GLOBEX_ADMIN, app.key());
        assertThat(enablements.allowance(appId, globex)).hasValue(4);
        assertThat(enablements.allowance(appId, acme)).hasValue(1);
    }

    @Test
    void aDoubleClickedEnableKeepsOneRecordAndNeverFails() throws Exception {
        Console.Credentials app = console().publicApplication(ACME_DEVELOPER, "LIST");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> click = () -> {
                start.await();
                return mvc.perform(post(PAGE + "/{key}/enable", app.key()).with(console().as(GLOBEX_ADMIN)).with(csrf()))
                        .andReturn().getResponse().getStatus();
            };
            var first = pool.submit(click);
            var second = pool.submit(click);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsOnly(302);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from application_enablements where application_id = ? "
                + "and company_id = ? and enabled = true", Long.class, id(app.key()), company("globex.example"))).isEqualTo(1L);
    }

    @Test
    void theOwnerMayDisableItsOwnApplication() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Own"), "LIST");
        console().disable(ACME_DEVELOPER, app.key());
        assertThat(enablements.isAllowed(id(app.key()), company("acme-sandbox.example"))).isFalse();
        mvc.perform(get(PAGE).with(console().as(ACME_DEVELOPER)))
                .andExpect(content().string(containsString("/enabled-applications/" + app.key() + "/enable")));
    }

    @Test
    void onlyAdministratorsUseThePageAndEnablingIsAPost() throws Exception {
        for (String email : new String[] {ACME_EMPLOYEE, STAFF}) {
            mvc.perform(get(PAGE).with(console().as(email))).andExpect(status().isForbidden());
        }
        Console.Credentials app = console().publicApplication(ACME_DEVELOPER, "LIST");
        mvc.perform(get(PAGE + "/{key}/enable", app.key()).with(console().as(GLOBEX_ADMIN)))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(post(PAGE + "/{key}/enable", app.key()).with(console().as(GLOBEX_ADMIN)))
                .andExpect(status().isForbidden());
        assertThat(enablements.isEnabled(id(app.key()), company("globex.example"))).isFalse();
        mvc.perform(get("/admin/web-services").with(console().as(GLOBEX_ADMIN)))
                .andExpect(content().string(containsString("Enable Partner Application")))
                .andExpect(content().string(not(containsString("Review Partner Applications"))));
    }
}
