package dev.partnerapps.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console's pages driven through MockMvc and the real security chain, for tests that need set-up. */
public final class Console {

    private static final Pattern KEY = Pattern.compile("id=\"client-key\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"client-secret\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("id=\"version\" name=\"version\" value=\"(\\d+)\"");

    private final MockMvc mvc;
    private final UserDetailsService users;

    public Console(MockMvc mvc, UserDetailsService users) {
        this.mvc = mvc;
        this.users = users;
    }

    public record Credentials(String key, String secret) {
    }

    public RequestPostProcessor as(String email) {
        return user(users.loadUserByUsername(email));
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public Credentials register(String developer, String name, String... scopes) throws Exception {
        MockHttpServletRequestBuilder request = post("/admin/web-services/applications").with(as(developer)).with(csrf())
                .param("name", name).param("description", "Made by a test").param("active", "true")
                .param("redirectUris", "https://app.example.com/callback");
        for (String scope : scopes) {
            request.param("scopes", scope);
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new Credentials(find(KEY, html), find(SECRET, html));
    }

    /** Saves the Modify form with the given fields, at the version the page shows now. */
    public void modify(String developer, String key, String name, boolean active, String redirectUris, String... scopes)
            throws Exception {
        String html = mvc.perform(get("/admin/web-services/applications/{key}", key).with(as(developer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        MockHttpServletRequestBuilder request = post("/admin/web-services/applications/{key}", key)
                .with(as(developer)).with(csrf())
                .param("name", name).param("description", "Made by a test").param("_active", "on")
                .param("redirectUris", redirectUris).param("version", find(VERSION, html));
        if (active) {
            request.param("active", "true");
        }
        for (String scope : scopes) {
            request.param("scopes", scope);
        }
        mvc.perform(request).andExpect(status().isFound());
    }

    /** New Secret, the current one working for {@code overlap} more (NOW, ONE_HOUR, ONE_DAY, SEVEN_DAYS); the new Secret. */
    public String newSecret(String developer, String key, String overlap) throws Exception {
        String html = mvc.perform(post("/admin/web-services/applications/{key}/new-secret", key).with(as(developer))
                .with(csrf()).param("overlap", overlap)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return find(SECRET, html);
    }

    public void submit(String developer, String key) throws Exception {
        mvc.perform(post("/admin/web-services/applications/{key}/submit", key).with(as(developer)).with(csrf()))
                .andExpect(status().isFound());
    }

    public void approve(String key) throws Exception {
        staffPost(key, "approve", "comment", "");
    }

    public void reject(String key, String comment) throws Exception {
        staffPost(key, "reject", "comment", comment);
    }

    public void visibility(String key, String visibility) throws Exception {
        staffPost(key, "visibility", "visibility", visibility);
    }

    /** Registers, submits, approves and publishes an application of {@code developer}'s company. */
    public Credentials publicApplication(String developer, String... scopes) throws Exception {
        Credentials app = register(developer, uniqueName("Public"), scopes);
        submit(developer, app.key());
        approve(app.key());
        visibility(app.key(), "PUBLIC");
        return app;
    }

    public void enable(String admin, String key) throws Exception {
        mvc.perform(post("/admin/web-services/enabled-applications/{key}/enable", key).with(as(admin)).with(csrf()))
                .andExpect(status().isFound());
    }

    public void disable(String admin, String key) throws Exception {
        mvc.perform(post("/admin/web-services/enabled-applications/{key}/disable", key).with(as(admin)).with(csrf()))
                .andExpect(status().isFound());
    }

    private void staffPost(String key, String action, String param, String value) throws Exception {
        mvc.perform(post("/admin/web-services/reviews/{key}/{action}", key, action).with(as(DemoUsers.STAFF))
                        .with(csrf()).param(param, value))
                .andExpect(status().isFound());
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("Not on the page: " + pattern.pattern());
        }
        return matcher.group(1);
    }
}
