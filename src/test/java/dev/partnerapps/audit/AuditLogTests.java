package dev.partnerapps.audit;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.Sandboxes;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class AuditLogTests extends IntegrationTestBase {

    private static final String AUDIT = "/admin/web-services/audit";

    private String read(String email, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(console().as(email))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void companiesSeeTheirOwnEntriesAndWhatWasDoneToTheirApplicationsStaffSeeAll() throws Exception {
        String sandbox = Sandboxes.create(port);
        String privateName = Console.uniqueName("Hidden");
        console().register(sandbox, privateName, "LIST");
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().enable(GLOBEX_ADMIN, shared.key());
        console().disable(GLOBEX_ADMIN, shared.key());

        String acme = read(ACME_DEVELOPER, get(AUDIT).param("application", "Public"));
        assertThat(acme).contains("Globex Corporation", "Enabled", "Disabled", "Approved", "staff@platform.example")
                .doesNotContain(privateName);
        String globex = read(GLOBEX_ADMIN, get(AUDIT));
        assertThat(globex).contains("admin@globex.example", "Enabled", "Disabled").doesNotContain(privateName);
        assertThat(read(sandbox, get(AUDIT))).contains(privateName, "Registered");
        assertThat(read(STAFF, get(AUDIT).param("application", privateName))).contains(privateName, sandbox);
        assertThat(read(GLOBEX_ADMIN, get(AUDIT).param("application", privateName))).doesNotContain(sandbox);
    }

    @Test
    void filtersByApplicationAndActionAndPaginates() throws Exception {
        String developer = Sandboxes.create(port);
        String name = Console.uniqueName("Busy");
        Console.Credentials app = console().register(developer, name, "LIST");
        for (int i = 0; i < 30; i++) {
            console().modify(developer, app.key(), name, i % 2 == 1, "https://app.example.com/callback", "LIST");
        }
        String firstPage = read(developer, get(AUDIT).param("application", name.toUpperCase()).param("action", "MODIFIED"));
        assertThat(countRows(firstPage)).isEqualTo(25);
        assertThat(firstPage).doesNotContain(">Registered</td>");
        // Older is a keyset link that keeps the filter: the 5 lines before the oldest shown.
        String older = link(firstPage, "Older");
        assertThat(older).contains("application=" + name.toUpperCase().replace(" ", "%20"), "action=MODIFIED", "before=");
        String secondPage = read(developer, get(URI.create(older)));
        assertThat(countRows(secondPage)).isEqualTo(5);
        assertThat(secondPage).doesNotContain("rel=\"next\"");
        assertThat(tbody(read(developer, get(URI.create(link(secondPage, "Newer")))))).isEqualTo(tbody(firstPage));
        assertThat(read(developer, get(AUDIT).param("application", name).param("action", "REGISTERED")))
                .contains(">Registered</td>");
        // Hand-edited filters never break the page.
        read(developer, get(AUDIT).param("action", "NOPE").param("before", "x").param("from", "yesterday"));
        assertThat(read(developer, get(AUDIT).param("application", "%_\\")))
                .contains("Nothing matches this search or filter.", "Clear filter");
    }

    @Test
    void employeesCannotReadTheAuditLog() throws Exception {
        mvc.perform(get(AUDIT).with(console().as(ACME_EMPLOYEE))).andExpect(status().isForbidden());
    }

    /** The href of the link with this text, unescaped, as a browser would follow it. */
    private static String link(String html, String text) {
        Matcher m = Pattern
                .compile("<a class=\"page-link\" href=\"([^\"]+)\"[^>]*>" + text + "</a>").matcher(html);
        assertThat(m.find()).as("a link " + text).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String tbody(String html) {
        return html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    }

    private static int countRows(String html) {
        return tbody(html).split("<tr>", -1).length - 1;
    }
}
