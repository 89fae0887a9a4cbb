package dev.partnerapps.paging;

import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Browser;
import dev.partnerapps.support.BrowserTest;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.Sandboxes;
import dev.partnerapps.support.WebTestBase;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every console list searched, filtered, sorted and paged in Chromium the way a person does it:
 * the filter stays in the URL, so Back and a bookmark show the same list (docs/lists.md).
 */
@BrowserTest
class ConsoleListsBrowserTests extends WebTestBase {

    @Autowired
    PasswordEncoder passwords;

    private Browser browser;

    @BeforeEach
    void open() {
        browser = Browser.open(port);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    /** The first column of each row of the table with this id. */
    private List<String> names(String tableId) {
        return browser.driver().findElements(By.cssSelector("#" + tableId + " tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .map(text -> text.replace("Yours", "").strip())
                .toList();
    }

    /** The company name {@link Sandboxes#create} gave the sandbox of this developer. */
    private static String publisher(String developer) {
        return "Sandbox " + developer.substring("dev@sandbox-".length(), developer.indexOf('.'));
    }

    private String nameOf(Console.Credentials app) {
        return jdbc.queryForObject("select name from partner_applications where client_key = ?", String.class, app.key());
    }

    private String table(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    /** Clicks a sortable column header by its label (the arrow beside it is decoration). */
    private void sortBy(String label) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.xpath("//th/a[span[1][normalize-space()='" + label + "']]")).click();
        waitUntilReplaced(page);
    }

    private String summary() {
        return browser.driver().findElement(By.cssSelector("p[role=status]")).getText();
    }

    private void choose(String label, String option) {
        new Select(browser.field(label)).selectByVisibleText(option);
    }

    private String query() {
        String query = URI.create(browser.driver().getCurrentUrl()).getRawQuery();
        return query == null ? "" : query;
    }

    private void back() {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().navigate().back();
        waitUntilReplaced(page);
    }

    private void waitUntilReplaced(WebElement page) {
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
    void applicationRegistrationIsSearchedFilteredSortedAndPagedWithTheFilterInTheUrl() throws Exception {
        String developer = Sandboxes.create(port);
        for (int i = 1; i <= 27; i++) {
            console().register(developer, "Alpha %02d".formatted(i), "LIST");
        }
        for (int i = 1; i <= 3; i++) {
            Console.Credentials beta = console().register(developer, "Beta %02d".formatted(i), "LIST");
            if (i != 2) {
                console().modify(developer, beta.key(), "Beta %02d".formatted(i), false, "", "LIST");
            }
        }
        browser.signIn(developer, Sandboxes.PASSWORD).go("/admin/web-services/applications");
        // Bootstrap and our own stylesheet both load (ours is served under /assets/).
        assertThat(((JavascriptExecutor) browser.driver()).executeScript(
                "return [...document.styleSheets].filter(s => s.cssRules.length > 0).length")).isEqualTo(2L);
        assertThat(summary()).isEqualTo("1–25 of 30");
        assertThat(names("applications")).hasSize(25).startsWith("Alpha 01", "Alpha 02");

        browser.follow("2");
        assertThat(summary()).isEqualTo("26–30 of 30");
        assertThat(names("applications")).containsExactly("Alpha 26", "Alpha 27", "Beta 01", "Beta 02", "Beta 03");
        assertThat(browser.links("Next")).isEmpty();

        browser.fill("Search by name", "BETA").press("Apply");
        assertThat(query()).contains("q=BETA");
        assertThat(names("applications")).containsExactly("Beta 01", "Beta 02", "Beta 03");
        choose("Active", "No");
        browser.press("Apply");
        assertThat(names("applications")).containsExactly("Beta 01", "Beta 03");

        // Sorting keeps the search and the filter; the header says how the list is sorted.
        sortBy("Name");
        assertThat(names("applications")).containsExactly("Beta 03", "Beta 01");
        assertThat(browser.driver().findElement(By.xpath("//th[a[span[1][normalize-space()='Name']]]")).getAttribute("aria-sort"))
                .isEqualTo("descending");
        String bookmark = browser.driver().getCurrentUrl();

        // Back returns to the previous list with its filter shown in the form again.
        back();
        assertThat(names("applications")).containsExactly("Beta 01", "Beta 03");
        assertThat(browser.value("Search by name")).isEqualTo("BETA");
        assertThat(new Select(browser.field("Active")).getFirstSelectedOption().getText()).isEqualTo("No");

        // A bookmark shows the same list.
        browser.driver().get(bookmark);
        assertThat(names("applications")).containsExactly("Beta 03", "Beta 01");

        // A page past the end (the list shrank since it was bookmarked) says so and offers page 1.
        browser.go("/admin/web-services/applications?q=beta&page=9");
        assertThat(browser.text()).contains("There is nothing on this page: the list has 1 page(s) now.");
        browser.follow("First page");
        assertThat(names("applications")).containsExactly("Beta 01", "Beta 02", "Beta 03");

        browser.fill("Search by name", "nothing like this").press("Apply");
        assertThat(browser.text()).contains("Nothing matches this search or filter.");
        browser.follow("Clear filter");
        assertThat(summary()).isEqualTo("1–25 of 30");
    }

    @Test
    void enableApplicationsListsOwnApplicationsFirstAndSearchesApplicationAndPublisher() throws Exception {
        String developer = Sandboxes.create(port);
        String publisher = publisher(developer);
        console().register(developer, "Zulu Own", "LIST");
        String sharedName = nameOf(console().publicApplication(developer, "LIST"));

        browser.signIn(GLOBEX_ADMIN, PASSWORD).go("/admin/web-services/enabled-applications");
        browser.fill("Search by application or publisher", publisher).press("Apply");
        assertThat(names("enabled-applications")).containsExactly(sharedName);
        choose("Status", "Enabled");
        browser.press("Apply");
        assertThat(browser.text()).contains("Nothing matches this search or filter.");
        choose("Status", "Not enabled");
        browser.press("Apply");
        browser.pressInRow(sharedName, "Enable");
        // Back on the same filtered list: the application left "Not enabled".
        assertThat(query()).contains("status=disabled", "q=");
        assertThat(browser.text()).contains(sharedName + " is enabled for your company.",
                "Nothing matches this search or filter.");
        browser.go("/admin/web-services/enabled-applications?status=enabled&q=" + publisher.replace(" ", "%20"));
        assertThat(names("enabled-applications")).containsExactly(sharedName);
        browser.signOut();

        // The publisher's own administrator sees its own applications first, even after others' by name.
        browser.signIn(developer, Sandboxes.PASSWORD).go("/admin/web-services/enabled-applications");
        List<String> rows = names("enabled-applications");
        assertThat(rows.subList(0, 2)).containsExactlyInAnyOrder("Zulu Own", sharedName);
        assertThat(browser.driver().findElements(By.cssSelector("#enabled-applications tbody tr")).get(0).getText())
                .contains("Yours");
    }

    @Test
    void staffSearchEveryApplicationByPublisherAndFilterByReviewState() throws Exception {
        String developer = Sandboxes.create(port);
        String publisher = publisher(developer);
        console().register(developer, "Waiting One", "LIST");
        String approvedName = nameOf(console().publicApplication(developer, "LIST"));

        browser.signIn(STAFF, PASSWORD).go("/admin/web-services/reviews");
        browser.fill("Search by application or publisher", publisher).press("Apply");
        assertThat(names("all-applications")).containsExactlyInAnyOrder("Waiting One", approvedName);
        choose("Review", "Approved");
        browser.press("Apply");
        assertThat(names("all-applications")).containsExactly(approvedName);
        assertThat(query()).contains("review=APPROVED");
        sortBy("Publisher");
        assertThat(query()).contains("sort=publisher", "review=APPROVED");
        assertThat(names("all-applications")).containsExactly(approvedName);
    }

    @Test
    void usersAndPermissionsAreSearchedByEmailFilteredByRoleAndStatusAndPaged() {
        String domain = "many-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        jdbc.update("insert into companies (name, domain, development_partner, created_at) values (?, ?, false, ?)",
                "Many Users", domain, Timestamp.from(Instant.now()));
        long company = jdbc.queryForObject("select id from companies where domain = ?", Long.class, domain);
        String admin = "admin@" + domain;
        long adminId = user(company, admin);
        jdbc.update("insert into user_permissions (user_id, permission) values (?, 'COMPANY_ADMINISTRATOR')", adminId);
        for (int i = 1; i <= 30; i++) {
            long id = user(company, "person%02d@%s".formatted(i, domain));
            if (i % 10 == 0) {
                jdbc.update("insert into user_permissions (user_id, permission) values (?, 'WEB_SERVICES_ADMINISTRATOR')", id);
            }
            if (i == 7) {
                jdbc.update("update users set enabled = false where id = ?", id);
            }
        }
        browser.signIn(admin, PASSWORD).go("/admin/web-services/users");
        assertThat(summary()).isEqualTo("1–25 of 31");
        browser.follow("Next");
        assertThat(summary()).isEqualTo("26–31 of 31");

        browser.fill("Search by email", "PERSON1").press("Apply");
        assertThat(names("users")).containsExactly(
                "person10@" + domain, "person11@" + domain, "person12@" + domain, "person13@" + domain,
                "person14@" + domain, "person15@" + domain, "person16@" + domain, "person17@" + domain,
                "person18@" + domain, "person19@" + domain);
        choose("Permissions", "Web Services Administrator");
        browser.press("Apply");
        assertThat(names("users")).containsExactly("person10@" + domain);
        browser.fill("Search by email", "").press("Apply");
        assertThat(names("users")).containsExactly("person10@" + domain, "person20@" + domain, "person30@" + domain);
        choose("Permissions", "Any");
        choose("Status", "Disabled");
        browser.press("Apply");
        assertThat(names("users")).containsExactly("person07@" + domain);
        back();
        assertThat(names("users")).hasSize(3);
    }

    private long user(long company, String email) {
        jdbc.update("insert into users (company_id, email, password_hash, enabled, created_at) values (?, ?, ?, true, ?)",
                company, email, passwords.encode(PASSWORD), Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select id from users where email = ?", Long.class, email);
    }

    @Test
    void theAuditLogKeepsTheTypedFilterAcrossOlderAndNewerAndFiltersByActorAndDate() throws Exception {
        String developer = Sandboxes.create(port);
        String name = Console.uniqueName("Audited");
        Console.Credentials app = console().register(developer, name, "LIST");
        for (int i = 0; i < 30; i++) {
            console().modify(developer, app.key(), name, i % 2 == 1, "https://app.example.com/callback", "LIST");
        }
        browser.signIn(developer, Sandboxes.PASSWORD).go("/admin/web-services/audit");
        browser.fill("Application", name.substring(0, 12)).press("Filter");
        // The box shows what was typed (it once showed an object's toString()), and pressing
        // Filter again finds the same lines.
        assertThat(browser.value("Application")).isEqualTo(name.substring(0, 12));
        assertThat(browser.driver().findElements(By.cssSelector("#audit-log tbody tr"))).hasSize(25);
        browser.press("Filter");
        assertThat(browser.driver().findElements(By.cssSelector("#audit-log tbody tr"))).hasSize(25);

        browser.follow("Older");
        assertThat(browser.value("Application")).isEqualTo(name.substring(0, 12));
        assertThat(browser.driver().findElements(By.cssSelector("#audit-log tbody tr"))).hasSize(6);
        assertThat(table("audit-log")).contains("Registered");
        browser.follow("Newer");
        assertThat(browser.driver().findElements(By.cssSelector("#audit-log tbody tr"))).hasSize(25);
        assertThat(table("audit-log")).doesNotContain("Registered");

        browser.fill("Who (email)", "nobody-like-this").press("Filter");
        assertThat(browser.text()).contains("Nothing matches this search or filter.");
        browser.fill("Who (email)", developer).press("Filter");
        assertThat(browser.driver().findElements(By.cssSelector("#audit-log tbody tr"))).hasSize(25);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        browser.go("/admin/web-services/audit?from=" + tomorrow);
        assertThat(browser.text()).contains("Nothing matches this search or filter.");
    }
}
