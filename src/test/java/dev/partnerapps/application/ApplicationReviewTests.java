package dev.partnerapps.application;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.Sandboxes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ApplicationReviewTests extends IntegrationTestBase {

    private static final String REVIEWS = "/admin/web-services/reviews";

    private Map<String, Object> row(String key) {
        return jdbc.queryForMap("select * from partner_applications where client_key = ?", key);
    }

    private String queueSection() throws Exception {
        String page = mvc.perform(get(REVIEWS).with(console().as(STAFF))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int start = page.indexOf("Submitted for review");
        return page.substring(start, page.indexOf("all-applications"));
    }

    @Test
    void submittedApplicationsQueueForStaffWithWhatTheyAskFor() throws Exception {
        String name = Console.uniqueName("Queued");
        Console.Credentials app = console().register(ACME_DEVELOPER, name, "EXPRPT", "BANK", "QUICKX");
        assertThat(queueSection()).doesNotContain(name);

        console().submit(ACME_DEVELOPER, app.key());
        assertThat(row(app.key()).get("review_state")).isEqualTo("SUBMITTED");
        assertThat(queueSection()).contains(name);

        mvc.perform(get(REVIEWS + "/{key}", app.key()).with(console().as(STAFF)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Acme Sandbox")))
                .andExpect(content().string(containsString("Bank Account Data")))
                .andExpect(content().string(containsString("Quick Expense")))
                .andExpect(content().string(containsString("https://app.example.com/callback")))
                .andExpect(content().string(containsString("Made by a test")))
                .andExpect(content().string(not(containsString(app.secret()))));
    }

    @Test
    void approvalAllowsPublicAndRejectionCarriesACommentTheOwnerSees() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Reviewed"), "LIST");
        // Public is refused before approval.
        mvc.perform(post(REVIEWS + "/{key}/visibility", app.key()).param("visibility", "PUBLIC")
                        .with(console().as(STAFF)).with(csrf()))
                .andExpect(flash().attribute("flashError", "flash.review.notApproved"));
        assertThat(row(app.key()).get("visibility")).isEqualTo("PRIVATE");

        console().submit(ACME_DEVELOPER, app.key());
        mvc.perform(post(REVIEWS + "/{key}/reject", app.key()).param("comment", " ")
                        .with(console().as(STAFF)).with(csrf()))
                .andExpect(flash().attribute("flashError", "flash.review.commentRequired"));
        assertThat(row(app.key()).get("review_state")).isEqualTo("SUBMITTED");

        console().reject(app.key(), "Describe why <you> need BANK data.");
        assertThat(row(app.key()).get("review_state")).isEqualTo("REJECTED");
        mvc.perform(get("/admin/web-services/applications/{key}", app.key()).with(console().as(ACME_DEVELOPER)))
                .andExpect(content().string(containsString("Describe why &lt;you&gt; need BANK data.")))
                .andExpect(content().string(containsString("Submit for Review")));

        console().submit(ACME_DEVELOPER, app.key());
        console().approve(app.key());
        assertThat(row(app.key()).get("review_state")).isEqualTo("APPROVED");
        console().visibility(app.key(), "PUBLIC");
        assertThat(row(app.key()).get("visibility")).isEqualTo("PUBLIC");
        console().visibility(app.key(), "PRIVATE");
        assertThat(row(app.key()).get("visibility")).isEqualTo("PRIVATE");

        assertThat(jdbc.queryForList("select action from audit_events where application_id = ? order by id",
                String.class, row(app.key()).get("id")))
                .containsExactly("REGISTERED", "SUBMITTED", "REJECTED", "SUBMITTED", "APPROVED",
                        "VISIBILITY_CHANGED", "VISIBILITY_CHANGED");
    }

    @Test
    void onlySubmittedApplicationsCanBeDecidedAndResubmittingAnApprovedOneIsRefused() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Undecided"), "LIST");
        mvc.perform(post(REVIEWS + "/{key}/approve", app.key()).with(console().as(STAFF)).with(csrf()))
                .andExpect(flash().attribute("flashError", "flash.review.notSubmitted"));
        assertThat(row(app.key()).get("review_state")).isEqualTo("NOT_SUBMITTED");

        console().submit(ACME_DEVELOPER, app.key());
        console().approve(app.key());
        mvc.perform(post("/admin/web-services/applications/{key}/submit", app.key())
                        .with(console().as(ACME_DEVELOPER)).with(csrf()))
                .andExpect(flash().attribute("flashError", "flash.application.notSubmittable"));
        assertThat(row(app.key()).get("review_state")).isEqualTo("APPROVED");
    }

    @Test
    void changingTheApisOrRedirectUrisOfAnApprovedApplicationSendsItBackToReviewAndMakesItPrivate() throws Exception {
        Console.Credentials app = console().publicApplication(ACME_DEVELOPER, "LIST");
        String name = (String) row(app.key()).get("name");

        // A new description does not need a new review.
        console().modify(ACME_DEVELOPER, app.key(), name, true, "https://app.example.com/callback", "LIST");
        assertThat(row(app.key())).containsEntry("review_state", "APPROVED").containsEntry("visibility", "PUBLIC");

        console().modify(ACME_DEVELOPER, app.key(), name, true, "https://app.example.com/callback", "LIST", "USER");
        assertThat(row(app.key())).containsEntry("review_state", "SUBMITTED").containsEntry("visibility", "PRIVATE");
        assertThat(jdbc.queryForObject("select detail from audit_events where application_id = ? and action = 'MODIFIED' "
                + "order by id desc limit 1", String.class, row(app.key()).get("id")))
                .contains("APIs Used", "Sent back to review");

        console().approve(app.key());
        console().visibility(app.key(), "PUBLIC");
        console().modify(ACME_DEVELOPER, app.key(), name, true, "https://app.example.com/other", "LIST", "USER");
        assertThat(row(app.key())).containsEntry("review_state", "SUBMITTED").containsEntry("visibility", "PRIVATE");
    }

    @Test
    void staffActionsAreRefusedToCompanyAdministratorsIncludingAForgedVisibilityChange() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Guarded"), "LIST");
        console().submit(ACME_DEVELOPER, app.key());
        for (String email : new String[] {ACME_DEVELOPER, GLOBEX_ADMIN, Sandboxes.create(port)}) {
            mvc.perform(get(REVIEWS).with(console().as(email))).andExpect(status().isForbidden());
            mvc.perform(get(REVIEWS + "/{key}", app.key()).with(console().as(email))).andExpect(status().isForbidden());
            mvc.perform(post(REVIEWS + "/{key}/approve", app.key()).with(console().as(email)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post(REVIEWS + "/{key}/visibility", app.key()).param("visibility", "PUBLIC")
                            .with(console().as(email)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(row(app.key())).containsEntry("review_state", "SUBMITTED").containsEntry("visibility", "PRIVATE");
    }

    @Test
    void submittingAnotherCompanysApplicationIsNotFound() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Mine"), "LIST");
        mvc.perform(post("/admin/web-services/applications/{key}/submit", app.key())
                        .with(console().as(Sandboxes.create(port))).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        assertThat(row(app.key()).get("review_state")).isEqualTo("NOT_SUBMITTED");
    }

    @Test
    void staffSeeEveryApplicationButNeverASecret() throws Exception {
        String name = Console.uniqueName("Seen");
        Console.Credentials app = console().register(ACME_DEVELOPER, name, "LIST");
        mvc.perform(get(REVIEWS).param("q", name).with(console().as(STAFF)))
                .andExpect(content().string(containsString("/admin/web-services/reviews/" + app.key())))
                .andExpect(content().string(not(containsString(app.secret()))))
                .andExpect(content().string(not(containsString("{sha256}"))));
        mvc.perform(get("/admin/web-services").with(console().as(STAFF)))
                .andExpect(content().string(containsString("Review Partner Applications")))
                .andExpect(content().string(containsString("Audit Log")));
    }
}
