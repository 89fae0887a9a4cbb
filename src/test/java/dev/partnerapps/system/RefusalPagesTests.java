package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service's refusal reaches a real browser as its status and the console's error page for it,
 * with the layout and no detail of the refusal: what MockMvc, which renders no error page, cannot show.
 */
class RefusalPagesTests extends IntegrationTestBase {

    @Test
    void anotherCompanysOrAMissingUserIsTheNotFoundPage() {
        HttpSession admin = signedInAdministrator();
        HttpResponse<String> response = admin.post("/admin/web-services/users/999999999/disable", Map.of());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Not found", "There is nothing here, or it is not yours to see.")
                .doesNotContain("999999999");
    }

    @Test
    void disablingYourselfIsTheRequestNotAcceptedPage() {
        HttpSession admin = signedInAdministrator();
        long self = jdbc.queryForObject("select id from users where email = ?", Long.class, GLOBEX_ADMIN);
        HttpResponse<String> response = admin.post("/admin/web-services/users/" + self + "/disable", Map.of());
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("Request not accepted")
                .doesNotContain("You cannot disable yourself");
    }

    private HttpSession signedInAdministrator() {
        HttpSession admin = new HttpSession(port);
        admin.signIn(GLOBEX_ADMIN, PASSWORD);
        assertThat(admin.get("/admin/web-services/users").statusCode()).isEqualTo(200);
        return admin;
    }
}
