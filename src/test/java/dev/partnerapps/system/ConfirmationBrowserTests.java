package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.partnerapps.support.Browser;
import dev.partnerapps.support.BrowserTest;
import dev.partnerapps.support.CompanyAdministrator;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.Sandboxes;
import dev.partnerapps.support.WebTestBase;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every destructive action asks first and says what will happen; Cancel leaves everything as it
 * was, the dialog's button acts (docs/console.md). And the tasks people do most, done with the
 * keyboard alone: registering an application, enabling and disabling one.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfirmationBrowserTests extends WebTestBase {

    private static final String REDIRECT = "https://app.example.com/callback";

    private Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void signedOut() {
        browser.driver().manage().deleteAllCookies();
    }

    private String nameOf(String key) {
        return jdbc.queryForObject("select name from partner_applications where client_key = ?", String.class, key);
    }

    private String column(String key, String column) {
        return jdbc.queryForObject("select " + column + " from partner_applications where client_key = ?", String.class, key);
    }

    private boolean enabledFor(String key, String companyDomain) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select e.enabled from application_enablements e
                join partner_applications a on a.id = e.application_id join companies c on c.id = e.company_id
                where a.client_key = ? and c.domain = ?""", Boolean.class, key, companyDomain));
    }

    private WebElement dialogButton(String value) {
        return browser.driver().findElement(By.cssSelector("#confirm-dialog button[value=" + value + "]"));
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private void press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** Presses Tab until the focused element satisfies {@code test}; fails after {@code most} presses. */
    private int tabTo(Predicate<WebElement> test, int most) {
        for (int presses = 1; presses <= most; presses++) {
            press(Keys.TAB);
            if (test.test(focused())) {
                return presses;
            }
        }
        throw new AssertionError("Not reached with " + most + " Tabs");
    }

    private static Predicate<WebElement> id(String id) {
        return element -> id.equals(element.getAttribute("id"));
    }

    private static Predicate<WebElement> buttonText(String text) {
        return element -> element.getTagName().equals("button") && text.equals(element.getText().strip());
    }

    /** Waits until the page the last key press submitted has replaced the current one. */
    private void pressAndWaitForNextPage(CharSequence key) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        press(key);
        browser.waitFor(driver -> {
            try {
                page.isDisplayed();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            }
        });
    }

    @Test
    void disablingAnApplicationForYourCompanyAsksFirstAndCancelKeepsItEnabled() throws Exception {
        Console.Credentials app = console().publicApplication(Sandboxes.create(port), "LIST");
        console().enable(GLOBEX_ADMIN, app.key());
        String name = nameOf(app.key());
        browser.signIn(GLOBEX_ADMIN, PASSWORD).go("/admin/web-services/enabled-applications?q=" + name.replace(" ", "+"));

        String asked = browser.pressAndAnswer(browser.buttonInRow(name, "Disable"), false);
        assertThat(asked).contains(name, "Globex Corporation's tokens for " + name + " stop working at once");
        assertThat(enabledFor(app.key(), "globex.example")).isTrue();
        assertThat(focused().getText()).isEqualTo("Disable");

        browser.pressAndAnswer(browser.buttonInRow(name, "Disable"), true);
        assertThat(enabledFor(app.key(), "globex.example")).isFalse();
        assertThat(browser.text()).contains("disabled");
    }

    @Test
    void disablingAUserAsksFirst() {
        CompanyAdministrator admin = new CompanyAdministrator(port, GLOBEX_ADMIN, jdbc);
        CompanyAdministrator.User user = admin.addUser("globex.example");
        browser.signIn(GLOBEX_ADMIN, PASSWORD).go("/admin/web-services/users?q=" + user.email());

        assertThat(browser.pressAndAnswer(browser.buttonInRow(user.email(), "Disable"), false))
                .contains(user.email(), "can no longer sign in");
        assertThat(jdbc.queryForObject("select enabled from users where id = ?", Boolean.class, user.id())).isTrue();

        browser.pressAndAnswer(browser.buttonInRow(user.email(), "Disable"), true);
        assertThat(jdbc.queryForObject("select enabled from users where id = ?", Boolean.class, user.id())).isFalse();
    }

    @Test
    void revokingAConnectedApplicationAsksFirst() throws Exception {
        String developer = Sandboxes.create(port);
        Console.Credentials app = console().register(developer, Console.uniqueName("Connected"), "LIST");
        HttpSession user = new HttpSession(port);
        user.signIn(developer, Sandboxes.PASSWORD);
        OAuth.authorizationCode(user, app.key(), REDIRECT, "LIST", new CodeVerifier());
        String name = nameOf(app.key());
        String consents = "select count(*) from oauth2_authorization_consent where principal_name = ?";
        assertThat(jdbc.queryForObject(consents, Integer.class, developer)).isEqualTo(1);

        browser.signIn(developer, Sandboxes.PASSWORD).go("/account/connected-applications");
        assertThat(browser.pressAndAnswer(browser.buttonInRow(name, "Revoke"), false)).contains(name, "stop working at once");
        assertThat(browser.hasRow(name)).isTrue();
        assertThat(jdbc.queryForObject(consents, Integer.class, developer)).isEqualTo(1);

        browser.pressAndAnswer(browser.buttonInRow(name, "Revoke"), true);
        assertThat(browser.hasRow(name)).isFalse();
        assertThat(jdbc.queryForObject(consents, Integer.class, developer)).isZero();
    }

    @Test
    void revokingAPreviousSecretAsksFirstAndCancelKeepsItWorking() throws Exception {
        String developer = Sandboxes.create(port);
        Console.Credentials app = console().register(developer, Console.uniqueName("Overlapping"), "LIST");
        String current = console().newSecret(developer, app.key(), "ONE_DAY");
        OAuth oauth = oauth();
        browser.signIn(developer, Sandboxes.PASSWORD).go("/admin/web-services/applications/" + app.key());

        String asked = browser.pressAndAnswer(browser.driver().findElement(By.cssSelector("#secrets button")), false);
        assertThat(asked).contains("The previous Secret, created ", "stops working at once");
        assertThat(oauth.clientCredentials(app.key(), app.secret()).indicatesSuccess()).isTrue();
        assertThat(focused().getText()).isEqualTo("Revoke");

        browser.pressAndAnswer(browser.driver().findElement(By.cssSelector("#secrets button")), true);
        assertThat(browser.text()).contains("The previous Secret of " + nameOf(app.key()) + " no longer works.");
        assertThat(OAuth.error(oauth.clientCredentials(app.key(), app.secret())).getCode()).isEqualTo("invalid_client");
        assertThat(oauth.clientCredentials(app.key(), current).indicatesSuccess()).isTrue();
    }

    @Test
    void rotatingTheSigningKeyAsksFirst() {
        String current = "select kid from oauth_signing_keys order by created_at desc, kid desc limit 1";
        String before = jdbc.queryForObject(current, String.class);
        browser.signIn(STAFF, PASSWORD).go("/admin/web-services/signing-keys");

        assertThat(browser.pressAndAnswer(browser.button("Rotate signing key"), false)).contains("Tokens already issued stay valid");
        assertThat(jdbc.queryForObject(current, String.class)).isEqualTo(before);

        browser.pressAndAnswer(browser.button("Rotate signing key"), true);
        assertThat(jdbc.queryForObject(current, String.class)).isNotEqualTo(before);
    }

    @Test
    void makingAnApplicationPrivateAsksFirst() throws Exception {
        Console.Credentials app = console().publicApplication(Sandboxes.create(port), "LIST");
        browser.signIn(STAFF, PASSWORD).go("/admin/web-services/reviews/" + app.key());

        assertThat(browser.pressAndAnswer(browser.button("Make Private"), false))
                .contains(nameOf(app.key()), "Other companies can no longer find or enable it");
        assertThat(column(app.key(), "visibility")).isEqualTo("PUBLIC");

        browser.pressAndAnswer(browser.button("Make Private"), true);
        assertThat(column(app.key(), "visibility")).isEqualTo("PRIVATE");
    }

    @Test
    void rejectingAsksFirstAndCancelKeepsTheComment() throws Exception {
        String developer = Sandboxes.create(port);
        Console.Credentials app = console().register(developer, Console.uniqueName("To Reject"), "LIST");
        console().submit(developer, app.key());
        browser.signIn(STAFF, PASSWORD).go("/admin/web-services/reviews/" + app.key());
        browser.fill("Comment", "Add a privacy policy.");

        assertThat(browser.pressAndAnswer(browser.button("Reject"), false)).contains(nameOf(app.key()), "Rejected");
        assertThat(column(app.key(), "review_state")).isEqualTo("SUBMITTED");
        assertThat(browser.value("Comment")).isEqualTo("Add a privacy policy.");

        browser.pressAndAnswer(browser.button("Reject"), true);
        assertThat(column(app.key(), "review_state")).isEqualTo("REJECTED");
        assertThat(column(app.key(), "review_comment")).isEqualTo("Add a privacy policy.");
    }

    @Test
    void registeringAnApplicationWithTheKeyboardAlone() {
        String developer = Sandboxes.create(port);
        String name = Console.uniqueName("Keyboard App");
        browser.signIn(developer, Sandboxes.PASSWORD).go("/admin/web-services/applications/new");

        // The skip link is the first stop and leads past the top bar to the form.
        press(Keys.TAB);
        assertThat(focused().getText()).isEqualTo("Skip to main content");
        press(Keys.ENTER);
        assertThat(tabTo(id("name"), 6)).isLessThanOrEqualTo(6);
        press(name);
        tabTo(id("description"), 1);
        press("Typed with the keyboard.");
        // Visibility is no Tab stop: the next one is Active.
        tabTo(id("active1"), 1);
        if (!focused().isSelected()) {
            press(Keys.SPACE);
        }
        tabTo(id("scope-EXPRPT"), 2);
        press(Keys.SPACE);
        tabTo(id("scope-CCARD"), 1);
        press(Keys.SPACE);
        assertThat(browser.field("Expense Report").isSelected()).isTrue();
        tabTo(buttonText("OK"), 20);
        pressAndWaitForNextPage(Keys.ENTER);

        assertThat(browser.heading()).isEqualTo("Application Authorization");
        assertThat(focused().getText()).contains(name, "is registered");
        assertThat(jdbc.queryForObject("""
                select count(*) from partner_application_scopes s join partner_applications a on a.id = s.application_id
                where a.name = ? and s.scope in ('EXPRPT', 'CCARD')""", Integer.class, name)).isEqualTo(2);
    }

    @Test
    void enablingAndDisablingWithTheKeyboardAlone() throws Exception {
        Console.Credentials app = console().publicApplication(Sandboxes.create(port), "LIST");
        String name = nameOf(app.key());
        browser.signIn(GLOBEX_ADMIN, PASSWORD).go("/admin/web-services/enabled-applications?q=" + name.replace(" ", "+"));

        tabTo(buttonText("Enable"), 30);
        pressAndWaitForNextPage(Keys.ENTER);
        assertThat(enabledFor(app.key(), "globex.example")).isTrue();
        assertThat(focused().getText()).contains("enabled");

        tabTo(buttonText("Disable"), 30);
        press(Keys.ENTER);
        browser.waitFor(driver -> driver.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(focused().getText()).isEqualTo("Cancel");
        press(Keys.ESCAPE);
        browser.waitFor(driver -> !driver.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(focused().getText()).isEqualTo("Disable");
        assertThat(enabledFor(app.key(), "globex.example")).isTrue();

        press(Keys.ENTER);
        browser.waitFor(driver -> driver.findElement(By.id("confirm-dialog")).isDisplayed());
        press(Keys.TAB);
        assertThat(focused().getText()).isEqualTo("Disable");
        pressAndWaitForNextPage(Keys.ENTER);
        assertThat(enabledFor(app.key(), "globex.example")).isFalse();
    }
}
