package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.partnerapps.support.Accessibility.Screen;
import dev.partnerapps.support.Accessibility;
import dev.partnerapps.support.Browser;
import dev.partnerapps.support.BrowserTest;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.Sandboxes;
import dev.partnerapps.support.WebTestBase;
import dev.partnerapps.usage.UsageTesting;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every page and state of the console, for each role, checked with axe-core against WCAG 2.2
 * A/AA at 1280 and 390 px in light and dark mode, and for sideways scrolling at 360 px
 * (docs/console.md). One browser for the whole sweep: a page visit costs milliseconds, a browser
 * seconds.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests extends WebTestBase {

    private static final String REDIRECT = "https://app.example.com/callback";

    @Autowired
    ApplicationContext context;

    private Browser browser;
    private String developer;
    private String appName;
    private Console.Credentials app;
    private Console.Credentials submitted;
    private Console.Credentials secrets;

    @BeforeAll
    void setUp() throws Exception {
        Console console = console();
        developer = Sandboxes.create(port);
        appName = Console.uniqueName("Axe App");
        app = console.register(developer, appName, "LIST", "EXPRPT", "CCARD");
        submitted = console.register(developer, Console.uniqueName("Axe Review"), "EXPRPT", "CCARD", "TRVPRF", "PASSV");
        console.submit(developer, submitted.key());
        // Two Secrets (an overlap, so Revoke is offered), the current one expiring within 14 days: the warnings show.
        secrets = console.register(developer, appName + " Secrets", "LIST");
        console.newSecret(developer, secrets.key(), "ONE_DAY");
        jdbc.update("update application_secrets set expires_at = ? where ends_at is null and application_id ="
                + " (select id from partner_applications where client_key = ?)",
                Timestamp.from(Instant.now().plus(Duration.ofDays(10))), secrets.key());
        // A connected application for the developer's own account.
        HttpSession user = new HttpSession(port);
        user.signIn(developer, Sandboxes.PASSWORD);
        CodeVerifier verifier = new CodeVerifier();
        String code = OAuth.authorizationCode(user, app.key(), REDIRECT, "LIST", verifier);
        oauth().exchange(app.key(), app.secret(), code, REDIRECT, verifier);
        // Some usage, so the usage pages show charts and last-used times.
        oauth().accessToken(app.key(), app.secret());
        oauth().clientCredentialsHttp(app.key(), "wrong secret", null);
        UsageTesting.flush(context);
        browser = Browser.open(port);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Screen> screens() {
        return Stream.of(new Screen(1280, false), new Screen(1280, true), new Screen(390, false), new Screen(390, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("screens")
    void everyPageMeetsWcag22AaWithoutSidewaysScrolling(Screen screen) {
        Accessibility.use(browser, screen);
        List<String> problems = new ArrayList<>();
        visitEveryPage(state -> {
            problems.addAll(Accessibility.violations(browser.driver(), state));
            long overflow = Accessibility.overflow(browser.driver());
            if (overflow > 0) {
                problems.add(state + ": " + overflow + " px wider than the viewport");
            }
        }, screen.width() < 992);
        assertThat(problems).as("WCAG 2.2 A/AA violations at " + screen).isEmpty();
    }

    @Test
    void noPageScrollsSidewaysAt360Pixels() {
        Accessibility.use(browser, new Screen(360, false));
        List<String> wide = new ArrayList<>();
        visitEveryPage(state -> {
            long overflow = Accessibility.overflow(browser.driver());
            if (overflow > 0) {
                wide.add(state + ": " + overflow + " px too wide");
            }
        }, true);
        assertThat(wide).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("screens")
    void theKeyboardFocusRingContrastsAtLeast3To1WithWhatSurroundsIt(Screen screen) {
        Accessibility.use(browser, screen);
        browser.driver().manage().deleteAllCookies();
        browser.go("/signup");
        Actions keys = new Actions(browser.driver());
        // First the skip link, then the brand on the dark top bar, then on through the page to a field.
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        assertThat(focusRingContrast("body")).as("skip link").isGreaterThanOrEqualTo(3.0);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Partner Apps");
        assertThat(focusRingContrast("nav")).as("top bar").isGreaterThanOrEqualTo(3.0);
        for (int i = 0; i < 10 && !"companyName".equals(browser.driver().switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(focusRingContrast("body")).as("Company Name field").isGreaterThanOrEqualTo(3.0);
    }

    /** Contrast between the focused element's outline and the background of {@code surrounding}. */
    private double focusRingContrast(String surrounding) {
        @SuppressWarnings("unchecked")
        List<String> colours = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const style = getComputedStyle(document.activeElement);
                if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) { return ['none', 'none']; }
                return [style.outlineColor, getComputedStyle(document.querySelector(arguments[0])).backgroundColor];""",
                surrounding);
        assertThat(colours.get(0)).as("a visible outline of at least 2 px").isNotEqualTo("none");
        double a = luminance(colours.get(0));
        double b = luminance(colours.get(1));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** WCAG relative luminance of a CSS {@code rgb(r, g, b)} colour. */
    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** Every page and state a person meets, each followed by {@code check} with the state's name. */
    private void visitEveryPage(Consumer<String> check, boolean narrow) {
        browser.driver().manage().deleteAllCookies();
        browser.go("/login");
        check.accept("sign in");
        browser.go("/login?error");
        check.accept("sign in, wrong password");
        String stranger = "axe-" + java.util.UUID.randomUUID() + "@nowhere.example";
        for (int failure = 0; failure < 4; failure++) {
            browser.signIn(stranger, "wrong password");
        }
        check.accept("sign in, too many failures: wait");
        browser.go("/signup");
        check.accept("sign-up");
        browser.press("Create sandbox");
        check.accept("sign-up with errors");

        browser.signIn(developer, Sandboxes.PASSWORD);
        check.accept("developer home");
        if (narrow) {
            browser.driver().findElement(By.cssSelector(".navbar-toggler")).click();
            browser.waitFor(driver -> driver.findElement(By.id("main-menu")).getAttribute("class").contains("show"));
            check.accept("developer home, menu open");
        }
        browser.go("/admin/web-services");
        check.accept("web services");
        browser.go("/admin/web-services/applications?q=" + appName.replace(" ", "+"));
        check.accept("application registration");
        browser.go("/admin/web-services/applications/new");
        check.accept("new partner application");
        browser.press("OK");
        check.accept("new partner application with errors");
        browser.fill("Name", Console.uniqueName("Axe New")).check("List Item").check("Expense Report")
                .check("Credit Card Data").press("OK");
        check.accept("application authorization after OK");
        browser.go("/admin/web-services/applications/" + app.key());
        check.accept("modify partner application");
        browser.go("/admin/web-services/applications/" + secrets.key());
        check.accept("modify partner application, two secrets");
        browser.click(browser.driver().findElement(By.cssSelector("#secrets button")));
        browser.waitFor(driver -> driver.findElement(By.id("confirm-dialog")).isDisplayed());
        check.accept("modify partner application, confirming Revoke");
        browser.driver().findElement(By.cssSelector("#confirm-dialog button[value=cancel]")).click();
        browser.go("/admin/web-services/applications/" + app.key() + "/usage");
        check.accept("application usage");
        browser.click(browser.driver().findElement(By.cssSelector("#usage-days-details summary")));
        check.accept("application usage, numbers per day open");
        browser.go("/admin/web-services/applications/" + submitted.key() + "/usage");
        check.accept("application usage, never used");
        browser.go("/admin/web-services/applications/" + app.key() + "/new-secret");
        check.accept("new secret");
        browser.go("/admin/web-services/enabled-applications?q=" + appName.replace(" ", "+"));
        check.accept("enable applications");
        browser.click(browser.buttonInRow(appName + " Yours", "Disable"));
        browser.waitFor(driver -> driver.findElement(By.id("confirm-dialog")).isDisplayed());
        check.accept("enable applications, confirming Disable");
        browser.driver().findElement(By.cssSelector("#confirm-dialog button[value=cancel]")).click();
        browser.go("/admin/web-services/enabled-applications/" + app.key() + "/usage");
        check.accept("enabled application usage");
        browser.go("/admin/web-services/audit");
        check.accept("audit log");
        browser.go("/account/connected-applications");
        check.accept("connected applications");
        browser.go(OAuth.authorizeQuery(app.key(), REDIRECT, "EXPRPT CCARD", "axe", new CodeVerifier()));
        check.accept("consent");
        browser.go(OAuth.authorizeQuery("no-such-key", REDIRECT, "LIST", "axe", new CodeVerifier()));
        check.accept("authorization error");
        browser.go("/admin/web-services/applications/no-such-key");
        check.accept("not found");

        browser.driver().manage().deleteAllCookies();
        browser.signIn(STAFF, PASSWORD);
        check.accept("staff home");
        browser.go("/admin/web-services/reviews");
        check.accept("review partner applications");
        browser.go("/admin/web-services/reviews/" + submitted.key());
        check.accept("review of a submitted application");
        browser.go("/admin/web-services/reviews/" + app.key());
        check.accept("review of a used application");
        browser.go("/admin/web-services/signing-keys");
        check.accept("signing keys");
        browser.go("/admin/web-services/sign-in-locks");
        check.accept("sign-in locks");
        browser.go("/admin/web-services/sign-in-locks?show=recent");
        check.accept("sign-in locks, recent failures");

        browser.driver().manage().deleteAllCookies();
        browser.signIn(GLOBEX_ADMIN, PASSWORD);
        check.accept("company administrator home");
        browser.go("/admin/web-services/users");
        check.accept("users and permissions");
        browser.press("Add user");
        check.accept("add user with errors");
        browser.driver().manage().deleteAllCookies();
    }
}
