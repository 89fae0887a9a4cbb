package dev.partnerapps.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;

class SandboxSignupTests extends IntegrationTestBase {

    @Autowired
    CompanyRepository companies;

    @Autowired
    UserAccountRepository users;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private ResultActions signUp(String companyName, String domain, String email, String password) throws Exception {
        return mvc.perform(post("/signup").with(csrf())
                .param("companyName", companyName)
                .param("companyDomain", domain)
                .param("email", email)
                .param("password", password));
    }

    @Test
    void aSandboxIsADevelopmentPartnerWhoseCreatorIsItsSignedInWebServicesAdministrator() {
        String id = unique();
        HttpSession browser = new HttpSession(port);
        browser.get("/signup");
        String before = browser.cookie("SESSION").orElseThrow();
        HttpResponse<String> created = browser.post("/signup", Map.of("companyName", "Initech " + id,
                "companyDomain", "Initech-" + id + ".example",
                "email", "Founder@Initech-" + id + ".example",
                "password", "correct horse battery"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(HttpSession.location(created)).endsWith("/admin/web-services");
        assertThat(browser.cookie("SESSION").orElseThrow()).isNotEqualTo(before);
        HttpResponse<String> hub = browser.get("/admin/web-services");
        assertThat(hub.statusCode()).isEqualTo(200);
        assertThat(hub.body()).contains("founder@initech-" + id + ".example", "Web Services Administrator");

        UserAccount creator = users.findByEmail("founder@initech-" + id + ".example").orElseThrow();
        assertThat(creator.getCompany().getDomain()).isEqualTo("initech-" + id + ".example");
        assertThat(creator.getCompany().isDevelopmentPartner()).isTrue();
        assertThat(creator.getCompany().isPlatformOperator()).isFalse();
        assertThat(creator.getPermissions()).containsExactly(Permission.WEB_SERVICES_ADMINISTRATOR);
        assertThat(creator.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("correct horse battery");
    }

    @Test
    void aTakenDomainOrEmailIsAFieldErrorThatKeepsTheInputAndCreatesNothing() throws Exception {
        long companiesBefore = companies.count();
        long usersBefore = users.count();

        signUp("Acme Again", "ACME-SANDBOX.example", "new-" + unique() + "@acme.example", "long enough password")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("signupForm", "companyDomain", "validation.domain.taken"))
                .andExpect(content().string(containsString("This domain is already registered.")))
                .andExpect(content().string(containsString("value=\"Acme Again\"")));

        signUp("Fresh Co", "fresh-" + unique() + ".example", "DEV@acme-sandbox.example", "long enough password")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("signupForm", "email", "validation.email.taken"))
                .andExpect(content().string(containsString("value=\"Fresh Co\"")));

        assertThat(companies.count()).isEqualTo(companiesBefore);
        assertThat(users.count()).isEqualTo(usersBefore);
    }

    @Test
    void invalidDomainEmailAndShortPasswordAreReportedTogether() throws Exception {
        long companiesBefore = companies.count();
        signUp("", "not a domain", "not-an-email", "short")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("signupForm", "companyName", "companyDomain", "email", "password"))
                .andExpect(content().string(containsString("Enter a domain name such as example.com.")))
                .andExpect(content().string(containsString("Use 12 to 72 characters.")))
                .andExpect(content().string(containsString("value=\"not a domain\"")))
                .andExpect(content().string(containsString("value=\"not-an-email\"")));
        assertThat(companies.count()).isEqualTo(companiesBefore);
    }

    @Test
    void anEmptyFieldGetsOneMessageNotTwo() throws Exception {
        var result = mvc.perform(post("/signup").with(csrf()).param("companyName", "Empty Fields")
                        .param("companyDomain", "").param("email", "empty@example.com").param("password", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeErrorCount("signupForm", 2)).andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("Enter the company domain.", "Use 12 to 72 characters.")
                .doesNotContain("Enter a domain name such as example.com.");
        // Once beside the field, once in the error summary at the top.
        assertThat(html.split("Use 12 to 72 characters.", -1)).hasSize(3);
    }

    @Test
    void aPasswordLongerThanBcryptCanReadIsAFieldErrorNotAServerError() throws Exception {
        String id = unique();
        signUp("Wide " + id, "wide-" + id + ".example", "a@wide-" + id + ".example", "é".repeat(40))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("signupForm", "password", "validation.password.size"));
        assertThat(users.existsByEmail("a@wide-" + id + ".example")).isFalse();
    }

    @Test
    void userTextIsEscapedWhenTheFormIsShownAgain() throws Exception {
        signUp("<script>alert(1)</script>", "bad domain", "x@y.example", "short")
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @Test
    void onlyTheFormFieldsAreBound() throws Exception {
        String id = unique();
        mvc.perform(post("/signup").with(csrf())
                        .param("companyName", "Bound " + id)
                        .param("companyDomain", "bound-" + id + ".example")
                        .param("email", "a@bound-" + id + ".example")
                        .param("password", "long enough password")
                        .param("platformOperator", "true")
                        .param("id", "1"))
                .andExpect(status().isFound());
        UserAccount creator = users.findByEmail("a@bound-" + id + ".example").orElseThrow();
        assertThat(creator.getCompany().isPlatformOperator()).isFalse();
        assertThat(creator.getCompany().getId()).isNotEqualTo(1L);
    }

    @Test
    void theSignUpPageHasALabelForEveryInput() throws Exception {
        mvc.perform(get("/signup").session(new MockHttpSession()))
                .andExpect(content().string(containsString("<label class=\"form-label\" for=\"companyName\">Company Name</label>")))
                .andExpect(content().string(containsString("<label class=\"form-label\" for=\"companyDomain\">Company Domain</label>")))
                .andExpect(content().string(containsString("<label class=\"form-label\" for=\"email\">Email</label>")))
                .andExpect(content().string(containsString("<label class=\"form-label\" for=\"password\">Password</label>")))
                .andExpect(content().string(containsString(">Create sandbox</button>")));
    }
}
