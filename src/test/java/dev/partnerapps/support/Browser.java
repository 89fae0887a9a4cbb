package dev.partnerapps.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium from the system packages, driven the way a person uses the pages: fields
 * found by their label, buttons and links by their text.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(WebDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    static String chromeBinary() {
        return System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
    }

    static String chromeDriver() {
        return System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    static boolean isInstalled() {
        return new File(chromeBinary()).canExecute() && new File(chromeDriver()).canExecute();
    }

    public static Browser open(int port) {
        Path profile;
        try {
            profile = Files.createTempDirectory("partnerapps-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromeBinary());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromeDriver()))
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return new Browser(driver, "http://localhost:" + port, profile);
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String title() {
        return driver.getTitle();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The input labelled {@code label}. */
    public WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space()=" + xpathLiteral(label) + "]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public Browser fill(String label, String value) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Clicks a button that submits a form and waits until the next page has replaced this one. */
    public Browser press(String buttonText) {
        clickAndWaitForNextPage(button(buttonText));
        return this;
    }

    private void clickAndWaitForNextPage(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(element);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(current -> replaced(page));
    }

    /**
     * Whether the page's root element is gone. While a navigation replaces the document, Chromium
     * can answer for a node of the old one with an inspector error ("does not belong to the
     * document") instead of a stale element reference: both mean the page was replaced.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** A button by its text: a {@code <button>} or a link with {@code role="button"}. */
    public WebElement button(String text) {
        String literal = xpathLiteral(text);
        return driver.findElement(By.xpath("//button[normalize-space()=" + literal + "] | //a[@role='button' and normalize-space()="
                + literal + "]"));
    }

    /** Ticks (or leaves ticked) the checkbox labelled {@code label}. */
    public Browser check(String label) {
        WebElement box = field(label);
        if (!box.isSelected()) {
            click(box);
        }
        return this;
    }

    public Browser uncheck(String label) {
        WebElement box = field(label);
        if (box.isSelected()) {
            click(box);
        }
        return this;
    }

    public String value(String label) {
        return field(label).getAttribute("value");
    }

    /** Presses a button inside the table row that contains {@code rowText}. */
    public Browser pressInRow(String rowText, String buttonText) {
        clickAndWaitForNextPage(buttonInRow(rowText, buttonText));
        return this;
    }

    public WebElement buttonInRow(String rowText, String buttonText) {
        String literal = xpathLiteral(buttonText);
        WebElement row = driver.findElement(By.xpath("//tr[td[normalize-space()=" + xpathLiteral(rowText) + "]]"));
        return row.findElement(By.xpath(".//button[normalize-space()=" + literal
                + "] | .//a[@role='button' and normalize-space()=" + literal + "]"));
    }

    /**
     * Presses a button that asks first, and answers the confirmation dialog: {@code confirm}
     * presses the dialog's action button and waits for the next page, otherwise Cancel.
     * Returns the dialog's text.
     */
    public String pressAndAnswer(WebElement button, boolean confirm) {
        click(button);
        WebElement dialog = driver.findElement(By.id("confirm-dialog"));
        waitFor(d -> dialog.isDisplayed());
        String text = dialog.findElement(By.id("confirm-dialog-text")).getText();
        if (confirm) {
            clickAndWaitForNextPage(dialog.findElement(By.id("confirm-dialog-confirm")));
        } else {
            click(dialog.findElement(By.cssSelector("button[value=cancel]")));
            waitFor(d -> !dialog.isDisplayed());
        }
        return text;
    }

    public String pressInRowAndConfirm(String rowText, String buttonText) {
        return pressAndAnswer(buttonInRow(rowText, buttonText), true);
    }

    public boolean hasRow(String rowText) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return !driver.findElements(By.xpath("//tr[td[normalize-space()=" + xpathLiteral(rowText) + "]]")).isEmpty();
        } finally {
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        }
    }

    public Browser follow(String linkText) {
        clickAndWaitForNextPage(link(linkText));
        return this;
    }

    public WebElement link(String text) {
        return driver.findElement(By.xpath("//a[normalize-space()=" + xpathLiteral(text) + "]"));
    }

    public List<WebElement> links(String text) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(By.xpath("//a[normalize-space()=" + xpathLiteral(text) + "]"));
        } finally {
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        }
    }

    /** The text beside a field: its validation message. */
    public String errorOf(String label) {
        WebElement input = field(label);
        return driver.findElement(By.id(input.getAttribute("id") + "-error")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Browser signIn(String email, String password) {
        go("/login").fill("Email", email).fill("Password", password).press("Sign in");
        return this;
    }

    public Browser signOut() {
        press("Sign out");
        return this;
    }

    public void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(condition::apply);
    }

    public void click(WebElement element) {
        // Instant: Bootstrap makes scrolling smooth, and a click during the animation misses.
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
