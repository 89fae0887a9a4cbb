package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Browser;
import dev.partnerapps.support.BrowserTest;
import dev.partnerapps.support.WebTestBase;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a person sees in Chromium: signing in as each demo user, creating a sandbox. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests extends WebTestBase {

    private Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @ParameterizedTest
    @CsvSource({
        "staff@platform.example,        Platform Staff,             true",
        "dev@acme-sandbox.example,      Web Services Administrator, true",
        "employee@acme-sandbox.example, Employee,                   false",
        "admin@globex.example,          Company Administrator,      true",
        "employee@globex.example,       Employee,                   false"
    })
    void eachDemoUserSignsInAndSeesTheAdministrationTabOnlyIfTheyAdminister(String email, String role,
            boolean administers) {
        browser.signIn(email, PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text()).contains(email, role);
        assertThat(browser.links("Administration")).hasSize(administers ? 1 : 0);
        if (administers) {
            browser.follow("Administration");
            assertThat(browser.path()).isEqualTo("/admin/web-services");
            assertThat(browser.heading()).isEqualTo("Web Services");
        }
        browser.signOut();
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void aWrongPasswordShowsAMessageOnTheSignInPage() {
        browser.signIn("admin@globex.example", "not-the-password");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text()).contains("Wrong email or password");
    }

    @Test
    void aNewDeveloperCreatesASandboxAndReachesWebServicesAsItsAdministrator() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        browser.go("/signup");
        assertThat(browser.heading()).isEqualTo("Create developer sandbox");
        browser.fill("Company Name", "Hooli " + id)
                .fill("Company Domain", "hooli-" + id + ".example")
                .fill("Email", "not-an-email")
                .fill("Password", "short")
                .press("Create sandbox");
        assertThat(browser.errorOf("Email")).isEqualTo("Enter a valid email address.");
        assertThat(browser.errorOf("Password")).isEqualTo("Use 12 to 72 characters.");
        assertThat(browser.field("Company Name").getAttribute("value")).isEqualTo("Hooli " + id);
        assertThat(browser.field("Company Domain").getAttribute("value")).isEqualTo("hooli-" + id + ".example");

        browser.fill("Email", "gavin@hooli-" + id + ".example")
                .fill("Password", "a sandbox password")
                .press("Create sandbox");
        assertThat(browser.path()).isEqualTo("/admin/web-services");
        assertThat(browser.heading()).isEqualTo("Web Services");
        assertThat(browser.text()).contains("gavin@hooli-" + id + ".example", "Hooli " + id,
                "Web Services Administrator");
        assertThat(browser.links("Administration")).hasSize(1);
        browser.signOut();

        browser.signIn("gavin@hooli-" + id + ".example", "a sandbox password");
        assertThat(browser.path()).isEqualTo("/");
    }
}
