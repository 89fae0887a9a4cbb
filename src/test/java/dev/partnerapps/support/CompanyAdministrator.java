package dev.partnerapps.support;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A Company Administrator at work on Users and Permissions, through the real pages over HTTP. */
public final class CompanyAdministrator {

    public static final String USER_PASSWORD = "a new user's password 1";
    private static final String USERS = "/admin/web-services/users";

    private final HttpSession session;
    private final JdbcTemplate jdbc;

    public CompanyAdministrator(int port, String email, JdbcTemplate jdbc) {
        this.session = new HttpSession(port);
        this.jdbc = jdbc;
        session.signIn(email, DemoUsers.PASSWORD);
    }

    public record User(long id, String email) {
    }

    /** Adds a user of the administrator's company with {@link #USER_PASSWORD}. */
    public User addUser(String domain) {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        expectRedirect(postOnUsersPage(USERS, Map.of("email", email, "password", USER_PASSWORD)));
        Long id = jdbc.queryForObject("select id from users where email = ?", Long.class, email);
        return new User(id, email);
    }

    public void disable(User user) {
        expectRedirect(postOnUsersPage(USERS + "/" + user.id() + "/disable", Map.of()));
    }

    public void enable(User user) {
        expectRedirect(postOnUsersPage(USERS + "/" + user.id() + "/enable", Map.of()));
    }

    public void grantWebServicesAdministrator(User user) {
        expectRedirect(postOnUsersPage(USERS + "/" + user.id() + "/grant", Map.of()));
    }

    public void revokeWebServicesAdministrator(User user) {
        expectRedirect(postOnUsersPage(USERS + "/" + user.id() + "/revoke", Map.of()));
    }

    private HttpResponse<String> postOnUsersPage(String path, Map<String, String> form) {
        session.get(USERS);
        return session.post(path, form);
    }

    private static void expectRedirect(HttpResponse<String> response) {
        if (response.statusCode() != 302 || !HttpSession.location(response).contains(USERS)) {
            throw new AssertionError("Expected a redirect to the users page, got " + response.statusCode() + " "
                    + HttpSession.location(response));
        }
    }
}
