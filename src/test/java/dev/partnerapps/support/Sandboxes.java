package dev.partnerapps.support;

import java.util.Map;
import java.util.UUID;

/** Creates developer sandboxes through the real sign-up page, for tests that need a company of their own. */
public final class Sandboxes {

    public static final String PASSWORD = "sandbox password 1";

    private Sandboxes() {
    }

    /** Returns the email of the new sandbox's Web Services Administrator. */
    public static String create(int port) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "dev@sandbox-" + id + ".example";
        HttpSession http = new HttpSession(port);
        http.get("/signup");
        var response = http.post("/signup", Map.of("companyName", "Sandbox " + id,
                "companyDomain", "sandbox-" + id + ".example", "email", email, "password", PASSWORD));
        if (response.statusCode() != 302) {
            throw new IllegalStateException("Sign-up failed with " + response.statusCode());
        }
        return email;
    }
}
