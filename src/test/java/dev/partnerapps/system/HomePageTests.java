package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.Sandboxes;
import org.junit.jupiter.api.Test;

/** The home page shows each role what needs its attention, a few rows each, with links to the full lists. */
class HomePageTests extends IntegrationTestBase {

    private String home(String email) throws Exception {
        Console console = console();
        return mvc.perform(get("/").with(console.as(email))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aDeveloperSeesTheirRejectedAndWaitingApplicationsAndWhatTheirCompanyEnabled() throws Exception {
        String developer = Sandboxes.create(port);
        Console console = console();
        String rejected = Console.uniqueName("Rejected App");
        Console.Credentials first = console.register(developer, rejected, "LIST");
        console.submit(developer, first.key());
        console.reject(first.key(), "Add a privacy policy");
        String waiting = Console.uniqueName("Waiting App");
        console.submit(developer, console.register(developer, waiting, "LIST").key());
        String untouched = Console.uniqueName("Quiet App");
        console.register(developer, untouched, "LIST");

        String page = home(developer);
        assertThat(page).contains("Your applications in review", rejected, "Add a privacy policy", waiting,
                "/admin/web-services/applications/" + first.key());
        assertThat(section(page, "home-own-list")).doesNotContain(untouched);
        // Registering enables an application for its own company.
        assertThat(section(page, "home-enabled-list")).contains(untouched, rejected, waiting);
        assertThat(page).doesNotContain("Waiting for your review");
    }

    @Test
    void staffSeeTheLongestWaitingApplicationsAndALinkToAllWhenThereAreMore() throws Exception {
        String developer = Sandboxes.create(port);
        Console console = console();
        for (int i = 0; i < 6; i++) {
            console.submit(developer, console.register(developer, Console.uniqueName("Queue App"), "LIST").key());
        }
        String page = home(STAFF);
        String list = section(page, "home-waiting-list");
        assertThat(list.split("<li", -1)).hasSize(6); // five rows
        assertThat(page).contains("All applications waiting for review",
                "/admin/web-services/reviews?review=SUBMITTED&amp;sort=updated&amp;dir=asc");
        assertThat(page).doesNotContain("Your applications in review");
    }

    /** The element with this id, up to its closing tag (the lists have no nested lists). */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return html.substring(start, html.indexOf("</ul>", start));
    }
}
