package dev.partnerapps.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Accessibility;
import dev.partnerapps.support.Accessibility.Screen;
import dev.partnerapps.support.Browser;
import dev.partnerapps.support.BrowserTest;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.Sandboxes;
import dev.partnerapps.support.WebTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The owner's Usage page in a real browser: after a known number of token requests and API calls,
 * the totals, the chart's bars and the table say exactly that; and the page meets WCAG 2.2 AA in
 * light and dark mode without sideways scrolling down to 360 px.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageBrowserTests extends WebTestBase {

    @Autowired
    UsageFlush flush;

    private Browser browser;
    private String developer;
    private String appName;
    private Console.Credentials app;

    @BeforeAll
    void setUp() throws Exception {
        developer = Sandboxes.create(port);
        appName = Console.uniqueName("Chart");
        app = console().register(developer, appName, "LIST");
        OAuth oauth = oauth();
        String token = null;
        for (int i = 0; i < 3; i++) {
            token = oauth.accessToken(app.key(), app.secret());
        }
        oauth.clientCredentialsHttp(app.key(), "wrong secret", null);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v3.0/common/lists"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
        }
        assertThat(flush.flush()).isTrue();
        browser = Browser.open(port);
        browser.signIn(developer, Sandboxes.PASSWORD);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theChartTheTotalsAndTheTableShowWhatWasCounted() {
        Accessibility.use(browser, new Screen(1280, false));
        browser.go("/admin/web-services/applications?q=" + appName.replace(" ", "+"));
        assertThat(browser.driver().findElement(By.cssSelector("#applications td.last-used")).getText())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        browser.click(browser.driver().findElement(By.linkText("Usage")));
        assertThat(browser.heading()).isEqualTo("Usage of " + appName);

        assertThat(text("#usage-total-issued")).isEqualTo("3");
        assertThat(text("#usage-total-api")).isEqualTo("2");
        assertThat(text("#usage-total-refused")).isEqualTo("1");

        List<WebElement> bars = browser.driver().findElements(By.cssSelector("#usage-chart-issued rect.usage-bar"));
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0).getAttribute("data-value")).isEqualTo("3");
        assertThat(bars.get(0).getSize().getHeight()).as("today's bar is drawn full height").isGreaterThan(50);
        assertThat(browser.driver().findElement(By.id("usage-chart-api")).getAttribute("aria-label"))
                .contains("2 in total");

        browser.click(browser.driver().findElement(By.cssSelector("#usage-days-details summary")));
        List<WebElement> today = browser.driver().findElements(By.cssSelector("#usage-days tbody tr:last-child td"));
        assertThat(today).extracting(WebElement::getText).containsExactly("3", "2", "1");
        assertThat(text("#usage-grants tbody")).contains("client_credentials", "3");
        assertThat(text("#usage-errors tbody")).contains("invalid_client", "1");
        assertThat(text("#usage-apis tbody")).contains("List Item", "200", "2");
    }

    static Stream<Screen> screens() {
        return Stream.of(new Screen(1280, false), new Screen(1280, true), new Screen(390, false), new Screen(360, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("screens")
    void theUsagePageMeetsWcag22AaWithoutSidewaysScrolling(Screen screen) {
        Accessibility.use(browser, screen);
        browser.go("/admin/web-services/applications/" + app.key() + "/usage");
        browser.click(browser.driver().findElement(By.cssSelector("#usage-days-details summary")));
        assertThat(Accessibility.violations(browser.driver(), "usage at " + screen)).isEmpty();
        assertThat(Accessibility.overflow(browser.driver())).isZero();
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
