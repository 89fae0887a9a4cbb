package dev.partnerapps.company;

import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
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

import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

class UsersAndPermissionsTests extends IntegrationTestBase {

    private static final String NEW_PASSWORD = "a fine new password";

    @Autowired
    UserAccountRepository users;

    @Autowired
    TransactionTemplate transactions;

    private RequestPostProcessor globexAdmin() {
        return user(userDetails.loadUserByUsername(GLOBEX_ADMIN));
    }

    /** A Globex user of this test's own, added through the page as an administrator would. */
    private UserAccount newGlobexUser() throws Exception {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@globex.example";
        mvc.perform(post("/admin/web-services/users").with(globexAdmin()).with(csrf())
                        .param("email", email).param("password", NEW_PASSWORD))
                .andExpect(redirectedUrl("/admin/web-services/users"));
        return users.findByEmail(email).orElseThrow();
    }

    private UserAccount reload(UserAccount user) {
        return transactions.execute(status -> {
            UserAccount fresh = users.findById(user.getId()).orElseThrow();
            fresh.getPermissions();
            return fresh;
        });
    }

    @Test
    void aCompanyAdministratorAddsAnEmployeeWhoCanSignIn() throws Exception {
        UserAccount added = newGlobexUser();
        assertThat(added.getCompany().getDomain()).isEqualTo("globex.example");
        assertThat(reload(added).getPermissions()).isEmpty();

        HttpSession browser = new HttpSession(port);
        assertThat(HttpSession.location(browser.signIn(added.getEmail(), NEW_PASSWORD))).doesNotContain("/login");
        assertThat(browser.get("/").body()).contains(added.getEmail(), "Employee");
    }

    @Test
    void addingAUserValidatesAndKeepsTheInput() throws Exception {
        long before = users.count();
        mvc.perform(post("/admin/web-services/users").with(globexAdmin()).with(csrf())
                        .param("email", ACME_EMPLOYEE).param("password", NEW_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("newUserForm", "email", "validation.email.taken"))
                .andExpect(content().string(containsString("value=\"" + ACME_EMPLOYEE + "\"")));
        mvc.perform(post("/admin/web-services/users").with(globexAdmin()).with(csrf())
                        .param("email", "short@globex.example").param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("newUserForm", "password"));
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void grantingAndRevokingWebServicesAdministratorChangesWhatTheUserMayOpen() throws Exception {
        UserAccount user = newGlobexUser();
        HttpSession browser = new HttpSession(port);
        browser.signIn(user.getEmail(), NEW_PASSWORD);
        assertThat(browser.get("/admin/web-services").statusCode()).isEqualTo(403);

        mvc.perform(post("/admin/web-services/users/{id}/grant", user.getId()).with(globexAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/web-services/users"));
        assertThat(reload(user).getPermissions()).containsExactly(Permission.WEB_SERVICES_ADMINISTRATOR);
        browser.signIn(user.getEmail(), NEW_PASSWORD);
        assertThat(browser.get("/admin/web-services").statusCode()).isEqualTo(200);

        mvc.perform(post("/admin/web-services/users/{id}/revoke", user.getId()).with(globexAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/web-services/users"));
        assertThat(reload(user).getPermissions()).isEmpty();
        // The revocation ended the session that still carried the old permission.
        assertThat(HttpSession.location(browser.get("/admin/web-services"))).endsWith("/login");
        browser.signIn(user.getEmail(), NEW_PASSWORD);
        assertThat(browser.get("/admin/web-services").statusCode()).isEqualTo(403);
    }

    @Test
    void disablingAUserEndsTheirSessionsAndBlocksSignIn() throws Exception {
        UserAccount user = newGlobexUser();
        HttpSession browser = new HttpSession(port);
        browser.signIn(user.getEmail(), NEW_PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        mvc.perform(post("/admin/web-services/users/{id}/disable", user.getId()).with(globexAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/web-services/users"));

        assertThat(reload(user).isEnabled()).isFalse();
        assertThat(HttpSession.location(browser.get("/"))).endsWith("/login");
        assertThat(HttpSession.location(browser.signIn(user.getEmail(), NEW_PASSWORD))).endsWith("/login?error");

        mvc.perform(post("/admin/web-services/users/{id}/enable", user.getId()).with(globexAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/web-services/users"));
        assertThat(HttpSession.location(browser.signIn(user.getEmail(), NEW_PASSWORD))).doesNotContain("/login");
        assertThat(mvc.perform(get("/admin/web-services/audit").with(globexAdmin()))
                .andReturn().getResponse().getContentAsString())
                .contains("User added", "User disabled", "User enabled", "User " + user.getEmail() + ".");
    }

    @Test
    void anotherCompanysUserIsNotFoundAndNothingChanges() throws Exception {
        UserAccount acmeEmployee = users.findByEmail(ACME_EMPLOYEE).orElseThrow();
        for (String action : new String[] {"grant", "revoke", "disable", "enable"}) {
            mvc.perform(post("/admin/web-services/users/{id}/{action}", acmeEmployee.getId(), action)
                            .with(globexAdmin()).with(csrf()).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isNotFound());
        }
        UserAccount unchanged = reload(acmeEmployee);
        assertThat(unchanged.isEnabled()).isTrue();
        assertThat(unchanged.getPermissions()).isEmpty();
        mvc.perform(get("/admin/web-services/users").with(globexAdmin()))
                .andExpect(content().string(not(containsString("acme-sandbox.example"))));
    }

    @Test
    void anAdministratorCannotDisableThemselves() throws Exception {
        UserAccount admin = users.findByEmail(GLOBEX_ADMIN).orElseThrow();
        mvc.perform(post("/admin/web-services/users/{id}/disable", admin.getId()).with(globexAdmin()).with(csrf())
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isConflict());
        assertThat(reload(admin).isEnabled()).isTrue();
    }
}
