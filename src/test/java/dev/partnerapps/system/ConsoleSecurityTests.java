package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.GLOBEX_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console's access rules, through the real security filter chain. */
class ConsoleSecurityTests extends IntegrationTestBase {

    private static final String ADMINISTRATION_TAB = "id=\"nav-administration\"";
    private static final String USERS_LINK = "href=\"/admin/web-services/users\"";

    private RequestPostProcessor as(String email) {
        UserDetails principal = userDetails.loadUserByUsername(email);
        return user(principal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin/web-services", "/admin/web-services/users"})
    void anonymousVisitorsAreSentToSignIn(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {ACME_EMPLOYEE, GLOBEX_EMPLOYEE})
    void employeesHaveNoAdministrationTabAndGetAFriendly403OnEveryAdminPage(String employee) throws Exception {
        mvc.perform(get("/").with(as(employee)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(ADMINISTRATION_TAB))));
        for (String path : new String[] {"/admin/web-services", "/admin/web-services/users", "/admin/anything"}) {
            mvc.perform(get(path).with(as(employee)).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theForbiddenPageIsRenderedInTheLayoutWithoutInternals() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(GLOBEX_EMPLOYEE, PASSWORD);
        HttpResponse<String> page = browser.get("/admin/web-services");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Access denied", "Sign out", GLOBEX_EMPLOYEE)
                .doesNotContain("Whitelabel", "Exception", "trace");
    }

    @Test
    void unknownPagesAnswerTheNotFoundPage() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(GLOBEX_ADMIN, PASSWORD);
        HttpResponse<String> page = browser.get("/admin/web-services/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Not found").doesNotContain("Whitelabel", "Exception");
    }

    @Test
    void aWebServicesAdministratorSeesAdministrationButNotUsersAndPermissions() throws Exception {
        mvc.perform(get("/").with(as(ACME_DEVELOPER)))
                .andExpect(content().string(containsString(ADMINISTRATION_TAB)));
        mvc.perform(get("/admin/web-services").with(as(ACME_DEVELOPER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"h3 mb-4\">Web Services</h1>")))
                .andExpect(content().string(not(containsString(USERS_LINK))));
        mvc.perform(get("/admin/web-services/users").with(as(ACME_DEVELOPER))).andExpect(status().isForbidden());
    }

    @Test
    void aCompanyAdministratorSeesUsersAndPermissions() throws Exception {
        mvc.perform(get("/").with(as(GLOBEX_ADMIN)))
                .andExpect(content().string(containsString(ADMINISTRATION_TAB)));
        mvc.perform(get("/admin/web-services").with(as(GLOBEX_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(USERS_LINK)));
        mvc.perform(get("/admin/web-services/users").with(as(GLOBEX_ADMIN))).andExpect(status().isOk());
    }

    @Test
    void platformStaffSeeAdministrationButNoCompanyUserManagement() throws Exception {
        mvc.perform(get("/").with(as(STAFF)))
                .andExpect(content().string(containsString(ADMINISTRATION_TAB)));
        mvc.perform(get("/admin/web-services").with(as(STAFF)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(USERS_LINK))));
        mvc.perform(get("/admin/web-services/users").with(as(STAFF))).andExpect(status().isForbidden());
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/web-services/users").with(as(GLOBEX_ADMIN))
                        .param("email", "no-csrf@globex.example").param("password", "long-enough-password"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/signup").param("companyName", "No Csrf").param("companyDomain", "no-csrf.example")
                        .param("email", "x@no-csrf.example").param("password", "long-enough-password"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/signup")).andExpect(status().isOk());
        mvc.perform(get("/admin/web-services/users").with(as(GLOBEX_ADMIN)))
                .andExpect(content().string(not(containsString("no-csrf@globex.example"))));
    }

    @Test
    void aWrongPasswordKeepsYouOnTheSignInPageWithAMessage() {
        HttpSession browser = new HttpSession(port);
        assertThat(HttpSession.location(browser.signIn(GLOBEX_ADMIN, "wrong-password-1"))).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Wrong email or password");
        assertThat(HttpSession.location(browser.get("/"))).endsWith("/login");

        assertThat(HttpSession.location(browser.signIn(GLOBEX_ADMIN, PASSWORD))).doesNotContain("/login");
        assertThat(browser.get("/").body()).contains(GLOBEX_ADMIN);
    }

    @Test
    void signingInChangesTheSessionIdAndSigningOutEndsTheSession() {
        HttpSession browser = new HttpSession(port);
        browser.get("/login");
        String before = browser.cookie("SESSION").orElseThrow();

        HttpResponse<String> signedIn = browser.post("/login", Map.of("email", GLOBEX_ADMIN, "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String after = browser.cookie("SESSION").orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.get("/").body()).contains(GLOBEX_ADMIN);

        browser.post("/logout", Map.of());
        assertThat(HttpSession.location(browser.get("/"))).endsWith("/login");
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void healthIsPublicForLoadBalancers() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(containsString("UP")));
    }

    @Test
    void signInAcceptsTheEmailInAnyCase() {
        HttpSession browser = new HttpSession(port);
        assertThat(HttpSession.location(browser.signIn("Admin@Globex.Example", PASSWORD))).doesNotContain("/login");
        assertThat(browser.get("/").body()).contains(GLOBEX_ADMIN);
    }
}
