package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the connected applications and consent pages refuse, and that they refuse it with the
 * console's own status pages (the flows that succeed are in {@link AuthorizationCodeFlowTests}).
 */
class ConnectedApplicationsTests extends IntegrationTestBase {

    private Console.Credentials app;
    private HttpSession user;

    @BeforeEach
    void setUp() throws Exception {
        app = console().register(ACME_DEVELOPER, Console.uniqueName("Refused App"), "LIST");
        user = new HttpSession(port);
        user.signIn(ACME_EMPLOYEE, PASSWORD);
        user.get("/account/connected-applications");
    }

    @Test
    void revokingAnApplicationTheUserNeverConnectedAnswersTheNotFoundPage() {
        HttpResponse<String> revoke = user.post("/account/connected-applications/" + app.key() + "/revoke", Map.of());

        assertThat(revoke.statusCode()).isEqualTo(404);
        assertThat(revoke.body()).contains("Not found", "There is nothing here, or it is not yours to see.");
    }

    @Test
    void revokingAnUnknownKeyAnswersTheNotFoundPage() {
        HttpResponse<String> revoke = user.post("/account/connected-applications/no-such-key/revoke", Map.of());

        assertThat(revoke.statusCode()).isEqualTo(404);
        assertThat(revoke.body()).contains("Not found", "There is nothing here, or it is not yours to see.");
    }

    @Test
    void theConsentPageForAnUnknownKeyAnswersTheBadRequestPage() {
        HttpResponse<String> consent = user.get("/oauth2/consent?client_id=no-such-key&scope=LIST&state=s");

        assertThat(consent.statusCode()).isEqualTo(400);
        assertThat(consent.body()).contains("Request not accepted",
                "The request could not be processed. Go back and try again.");
    }
}
