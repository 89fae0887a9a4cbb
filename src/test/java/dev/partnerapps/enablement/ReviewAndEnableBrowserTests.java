package dev.partnerapps.enablement;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Browser;
import dev.partnerapps.support.BrowserTest;
import dev.partnerapps.support.WebTestBase;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The whole story of docs/product.md sections 1 to 4 in Chromium: register and submit, staff
 * approve and publish, another company enables and disables, deactivation hides it, the audit
 * log tells it all.
 */
@BrowserTest
class ReviewAndEnableBrowserTests extends WebTestBase {

    private Browser browser;

    @BeforeEach
    void open() {
        browser = Browser.open(port);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private String statusOf(String name) {
        WebElement row = browser.driver().findElement(By.xpath("//tr[td[normalize-space()='" + name + "']]"));
        return row.findElements(By.tagName("td")).get(4).getText();
    }

    @Test
    void registerSubmitApprovePublishEnableDisableDeactivateAndAudit() {
        String name = "Receipt Scanner " + UUID.randomUUID().toString().substring(0, 6);

        // Acme's developer registers and submits the application.
        browser.signIn(ACME_DEVELOPER, PASSWORD)
                .follow("Administration").follow("Register Partner Application").press("New")
                .fill("Name", name).fill("Description", "Scans receipts into expense entries.")
                .check("Active").check("Expense Report").check("Imaging")
                .press("OK");
        String secret = browser.value("Secret");
        // Acme has many applications: find it by name, as a person would.
        browser.press("Done").go("/admin/web-services/applications?q=" + name.replace(" ", "+"))
                .pressInRow(name, "Modify").press("Submit for Review");
        assertThat(browser.text()).contains("submitted for review");
        browser.signOut();

        // Globex does not see it yet.
        browser.signIn(GLOBEX_ADMIN, PASSWORD)
                .follow("Administration").follow("Enable Partner Application");
        assertThat(browser.heading()).isEqualTo("Enable Applications");
        browser.go("/admin/web-services/enabled-applications?q=" + name.replace(" ", "+"));
        assertThat(browser.hasRow(name)).isFalse();
        browser.signOut();

        // Platform staff approve it and make it Public.
        browser.signIn(STAFF, PASSWORD)
                .follow("Administration").follow("Review Partner Applications");
        assertThat(browser.heading()).isEqualTo("Review Partner Applications");
        browser.go("/admin/web-services/reviews?q=" + name.replace(" ", "+"));
        browser.driver().findElement(By.xpath("//table[@id='all-applications']//tr[td[normalize-space()='" + name
                + "']]//a[normalize-space()='Details']")).click();
        browser.waitFor(driver -> driver.getCurrentUrl().contains("/admin/web-services/reviews/")
                && driver.findElements(By.xpath("//button[normalize-space()='Approve']")).size() == 1);
        assertThat(browser.text()).contains("Acme Sandbox", "Expense Report", "Imaging", "Scans receipts");
        assertThat(browser.button("Make Public").isEnabled()).isFalse();
        browser.press("Approve");
        assertThat(browser.text()).contains("The application is approved.");
        browser.press("Make Public");
        assertThat(browser.driver().findElement(By.id("visibility")).getText()).isEqualTo("Public");
        browser.signOut();

        // Globex enables it, then disables it.
        browser.signIn(GLOBEX_ADMIN, PASSWORD).go("/admin/web-services/enabled-applications?q=" + name.replace(" ", "+"));
        assertThat(browser.hasRow(name)).isTrue();
        assertThat(statusOf(name)).isEqualTo("Disabled");
        browser.pressInRow(name, "Enable");
        assertThat(statusOf(name)).isEqualTo("Enabled");
        browser.pressInRowAndConfirm(name, "Disable");
        assertThat(statusOf(name)).isEqualTo("Disabled");
        browser.signOut();

        // Acme makes it inactive: it disappears from Globex's page.
        browser.signIn(ACME_DEVELOPER, PASSWORD).go("/admin/web-services/applications?q=" + name.replace(" ", "+"))
                .pressInRow(name, "Modify").uncheck("Active").press("OK");
        assertThat(browser.text()).contains("saved");
        browser.signOut();
        browser.signIn(GLOBEX_ADMIN, PASSWORD).go("/admin/web-services/enabled-applications?q=" + name.replace(" ", "+"));
        assertThat(browser.hasRow(name)).isFalse();
        browser.signOut();

        // The audit log tells each step, to the owner.
        browser.signIn(ACME_DEVELOPER, PASSWORD).follow("Administration").follow("Audit Log")
                .fill("Application", name).press("Filter");
        String log = browser.driver().findElement(By.id("audit-log")).getText();
        assertThat(log).contains("Registered", "Submitted for review", "Approved", "Visibility changed", "Enabled",
                "Disabled", "Modified", "Globex Corporation", "staff@platform.example", "admin@globex.example");
        assertThat(log).doesNotContain(secret);
    }
}
