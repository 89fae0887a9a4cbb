package dev.partnerapps.paging;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.PostgresTestBase;
import dev.partnerapps.support.Sandboxes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The console lists' SQL and indexes on PostgreSQL (docs/lists.md). */
class ConsoleListsPostgresTests extends PostgresTestBase {

    private String read(String email, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(console().as(email))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void everyListSearchesFiltersAndPagesOnPostgresql() throws Exception {
        String name = Console.uniqueName("Searchable");
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().register(ACME_DEVELOPER, name, "LIST");
        console().enable(GLOBEX_ADMIN, shared.key());

        assertThat(read(ACME_DEVELOPER, get("/admin/web-services/applications").param("q", name.substring(3))
                .param("active", "yes").param("review", "NOT_SUBMITTED").param("sort", "updated").param("dir", "desc")))
                .contains(name, "1–1 of 1");
        assertThat(read(GLOBEX_ADMIN, get("/admin/web-services/enabled-applications").param("q", "acme sandbox")
                .param("status", "enabled").param("sort", "publisher"))).contains(shared.key()).doesNotContain(name);
        assertThat(read(STAFF, get("/admin/web-services/reviews").param("q", "ACME").param("visibility", "PUBLIC")
                .param("sort", "review"))).contains(shared.key()).doesNotContain(name);
        assertThat(read(GLOBEX_ADMIN, get("/admin/web-services/users").param("q", "EMPLOYEE")
                .param("role", "EMPLOYEE").param("status", "active"))).contains("employee@globex.example")
                .doesNotContain("admin@globex.example</td>");
        assertThat(read(STAFF, get("/admin/web-services/audit").param("company", "globex").param("action", "ENABLED")
                .param("actor", "admin@globex").param("from", "2000-01-01"))).contains("Globex Corporation");
        assertThat(read(GLOBEX_ADMIN, get("/admin/web-services/audit").param("application", "public")))
                .contains("Enabled");
        assertThat(read(GLOBEX_ADMIN, get("/account/connected-applications").param("q", "x"))).contains("Clear filter");
        assertThat(read(STAFF, get("/admin/web-services/signing-keys"))).contains("1–1 of 1");
    }

    @Test
    void controlCharactersInASearchAreDroppedNotSentToPostgresql() throws Exception {
        assertThat(read(ACME_DEVELOPER, get("/admin/web-services/applications").param("q", "\u0000x\u0007")))
                .contains("Nothing matches this search or filter.");
        assertThat(read(STAFF, get("/admin/web-services/audit").param("application", "\u0000")
                .param("actor", "a\u0000").param("company", "\u0000g"))).contains("Audit Log");
        // An empty page reached by a hand-edited cursor still offers the newest lines.
        assertThat(read(STAFF, get("/admin/web-services/audit").param("before", "1").param("action", "NEW_SECRET")))
                .contains("Newest");
    }

    @Test
    void enableApplicationsPagesThroughOwnApplicationsFirstThenOthersWithoutGapsOrRepeats() throws Exception {
        String developer = Sandboxes.create(port);
        for (int i = 1; i <= 27; i++) {
            console().register(developer, "Own %02d".formatted(i), "LIST");
        }
        console().publicApplication(ACME_DEVELOPER, "LIST");
        long others = jdbc.queryForObject("select count(*) from partner_applications where active = true"
                + " and visibility = 'PUBLIC'", Long.class);
        List<String> seen = new ArrayList<>();
        int pages = (int) Math.ceil((27 + others) / 25.0);
        for (int page = 1; page <= pages; page++) {
            String html = read(developer, get("/admin/web-services/enabled-applications").param("page", String.valueOf(page)));
            Matcher keys = Pattern.compile("<tr data-key=\"([^\"]+)\"").matcher(html);
            while (keys.find()) {
                seen.add(keys.group(1));
            }
            if (page == 1) {
                assertThat(html).contains("1–25 of " + (27 + others));
            }
        }
        List<String> expectedOwn = jdbc.queryForList("select a.client_key from partner_applications a join users u"
                + " on u.company_id = a.owner_company_id where u.email = ? order by a.name_key", String.class, developer);
        assertThat(seen).hasSize((int) (27 + others)).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 27)).containsExactlyElementsOf(expectedOwn);
    }

    @Test
    void containsSearchesHaveTrigramIndexesOnTheExpressionsTheyFilter() {
        // The lists filter with exactly these expressions (e.g. "a.name_key like ?"); a trigram
        // GIN index on the same expression is what lets PostgreSQL answer '%term%' without a scan.
        assertThat(indexDefinition("ix_partner_applications_name_trgm")).contains("gin (name_key gin_trgm_ops)");
        assertThat(indexDefinition("ix_companies_name_trgm")).contains("gin (lower((name)::text) gin_trgm_ops)");
        assertThat(indexDefinition("ix_companies_domain_trgm")).contains("gin (domain gin_trgm_ops)");
        assertThat(indexDefinition("ix_users_email_trgm")).contains("gin (email gin_trgm_ops)");
        assertThat(indexDefinition("ix_audit_events_application_name_trgm"))
                .contains("gin (lower((application_name)::text) gin_trgm_ops)");
        assertThat(indexDefinition("ix_audit_events_actor_email_trgm"))
                .contains("gin (lower((actor_email)::text) gin_trgm_ops)");
    }

    private String indexDefinition(String name) {
        return jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class, name);
    }
}
