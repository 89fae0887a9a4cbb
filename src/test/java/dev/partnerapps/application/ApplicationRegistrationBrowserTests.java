package dev.partnerapps.application;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Browser;
import dev.partnerapps.support.BrowserTest;
import dev.partnerapps.support.WebTestBase;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A Development Partner's developer registers an application in Chromium, as docs/product.md section 2 describes. */
@BrowserTest
class ApplicationRegistrationBrowserTests extends WebTestBase {

    @Autowired
    ClientSecrets secrets;

    private Browser browser;

    @BeforeEach
    void signIn() {
        browser = Browser.open(port);
        browser.signIn(ACME_DEVELOPER, PASSWORD);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    /** The digest of the current Secret: the one New Secret has not ended. */
    private String storedHash(String key) {
        return jdbc.queryForObject("select s.digest from application_secrets s join partner_applications a on a.id = s.application_id"
                + " where a.client_key = ? and s.ends_at is null", String.class, key);
    }

    @Test
    void registerReadTheCredentialsModifyAndCreateANewSecret() {
        String name = "Expense Sync " + UUID.randomUUID().toString().substring(0, 6);
        browser.follow("Administration").follow("Register Partner Application");
        assertThat(browser.heading()).isEqualTo("Application Registration");
        browser.press("New");
        assertThat(browser.heading()).isEqualTo("New Partner Application");
        // Visibility is shown, not a field: only platform staff change it.
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("visibility")).getText()).isEqualTo("Private");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("input#visibility"))).isEmpty();

        browser.fill("Name", name)
                .fill("Description", "Sends expense reports to our ERP.")
                .check("Active")
                .check("List Item")
                .check("Expense Report")
                .check("Credit Card Data")
                .press("OK");

        assertThat(browser.heading()).isEqualTo("Application Authorization");
        assertThat(browser.text()).contains("shown only this once",
                "The Key and Secret allow access to any company that enables this application")
                .doesNotContain("Update the Secret in all code that creates requests");
        assertThat(browser.value("Company Domain")).isEqualTo("acme-sandbox.example");
        String key = browser.value("Key");
        String secret = browser.value("Secret");
        assertThat(key).isNotBlank();
        assertThat(secret).hasSize(43);
        assertThat(browser.field("Secret").getAttribute("readonly")).isNotNull();
        assertThat(secrets.matches(secret, storedHash(key))).isTrue();

        browser.press("Done");
        // Acme has many applications (other tests add theirs): find it by name, as a person would.
        browser.go("/admin/web-services/applications?q=" + name.replace(" ", "+"));
        assertThat(browser.hasRow(name)).isTrue();
        assertThat(browser.text()).contains(key);
        assertThat(browser.text()).doesNotContain(secret);

        browser.pressInRow(name, "Modify");
        assertThat(browser.heading()).isEqualTo("Modify Partner Application");
        assertThat(browser.value("Name")).isEqualTo(name);
        assertThat(browser.field("Credit Card Data").isSelected()).isTrue();
        assertThat(browser.field("Bank Account Data").isSelected()).isFalse();
        assertThat(browser.value("Key")).isEqualTo(key);
        assertThat(browser.text()).doesNotContain(secret);

        browser.press("New Secret");
        assertThat(browser.text()).contains("stops working");
        browser.press("Create New Secret");
        assertThat(browser.text()).contains("The Key and Secret allow access to any company that enables this application",
                "Update the Secret in all code that creates requests");
        String newSecret = browser.value("Secret");
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(browser.value("Key")).isEqualTo(key);
        assertThat(secrets.matches(secret, storedHash(key))).isFalse();
        assertThat(secrets.matches(newSecret, storedHash(key))).isTrue();

        browser.press("Done");
        // Acme has many applications (other tests add theirs): find it by name, as a person would.
        browser.go("/admin/web-services/applications?q=" + name.replace(" ", "+"));
        assertThat(browser.hasRow(name)).isTrue();
    }

    @Test
    void aValidationErrorKeepsWhatWasTyped() {
        browser.go("/admin/web-services/applications/new")
                .fill("Name", "Quick Only")
                .fill("Description", "Typed text stays.")
                .fill("Redirect URIs", "http://app.example.com/callback")
                .check("Quick Expense")
                .press("OK");

        assertThat(browser.heading()).isEqualTo("New Partner Application");
        assertThat(browser.text()).contains("Quick Expense requires Expense Report",
                "use https (http is allowed only for localhost and 127.0.0.1)");
        // The error summary at the top has focus; its links lead to the fields.
        WebElement summary = browser.driver().switchTo().activeElement();
        assertThat(summary.getAttribute("class")).contains("error-summary");
        browser.click(summary.findElement(org.openqa.selenium.By.partialLinkText("Quick Expense requires Expense Report")));
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("scope-EXPRPT");
        browser.click(summary.findElement(org.openqa.selenium.By.partialLinkText("use https")));
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("redirectUris");
        assertThat(browser.value("Name")).isEqualTo("Quick Only");
        assertThat(browser.field("Description").getAttribute("value")).isEqualTo("Typed text stays.");
        assertThat(browser.field("Redirect URIs").getAttribute("value")).isEqualTo("http://app.example.com/callback");
        assertThat(browser.field("Quick Expense").isSelected()).isTrue();
    }
}
