package dev.partnerapps.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core on the page the browser shows, limited to the WCAG 2.2 A and AA rules the product
 * promises (docs/console.md), and the screen the page is shown on: width and colour scheme.
 */
public final class Accessibility {

    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Accessibility() {
    }

    /** A screen: its CSS width and whether the system asks for dark mode. */
    public record Screen(int width, boolean dark) {

        @Override
        public String toString() {
            return width + " px " + (dark ? "dark" : "light");
        }
    }

    /** Emulates the screen for every page from now on: a phone-like viewport below 992 px, and the colour scheme. */
    public static void use(Browser browser, Screen screen) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width(), "height", 900,
                "deviceScaleFactor", 1, "mobile", screen.width() < 992));
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", screen.dark() ? "dark" : "light"))));
    }

    /** Every WCAG 2.2 A/AA violation on the current page, one line per element, prefixed by {@code state}. */
    public static List<String> violations(WebDriver driver, String state) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        List<String> found = new ArrayList<>();
        if (results.isErrored()) {
            found.add(state + ": axe failed: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            rule.getNodes().forEach(node -> found.add(state + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
                    + node.getTarget() + " " + node.getHtml() + " — " + node.getFailureSummary()));
        }
        return found;
    }

    /** How many CSS pixels the page is wider than the viewport (0 when it does not scroll sideways). */
    public static long overflow(WebDriver driver) {
        Object excess = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) excess).longValue();
    }
}
