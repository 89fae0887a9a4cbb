package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.partnerapps.support.Browser;
import dev.partnerapps.support.BrowserTest;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.WebTestBase;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The authorization code flow as a person sees it in Chromium: sign in, consent, back to the application. */
@BrowserTest
class ConsentBrowserTests extends WebTestBase {

    @Test
    void signInConsentAndTheApplicationExchangesTheCode() throws Exception {
        String redirect = "http://localhost:" + port + "/oauth-test/callback";
        String name = "Calendar Sync " + UUID.randomUUID().toString().substring(0, 6);
        Console console = console();
        Console.Credentials app = console.register(ACME_DEVELOPER, name, "LIST", "TRVPRF", "PASSV");
        console.modify(ACME_DEVELOPER, app.key(), name, true, redirect, "LIST", "TRVPRF", "PASSV");
        CodeVerifier verifier = new CodeVerifier();

        try (Browser browser = Browser.open(port)) {
            browser.go(OAuth.authorizeQuery(app.key(), redirect, "LIST PASSV TRVPRF", "state-1", verifier));
            assertThat(browser.path()).isEqualTo("/login");
            browser.fill("Email", ACME_EMPLOYEE).fill("Password", PASSWORD).press("Sign in");

            assertThat(browser.path()).isEqualTo("/oauth2/consent");
            assertThat(browser.text()).contains(name, "Acme Sandbox", "List Item", "Travel Profile", "Passport and Visa",
                    "Sensitive data");
            browser.uncheck("Passport and Visa").press("Allow");

            URI landed = URI.create(browser.driver().getCurrentUrl());
            assertThat(landed.getPath()).isEqualTo("/oauth-test/callback");
            String code = URLDecoder.decode(landed.getQuery().replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
            assertThat(landed.getQuery()).contains("state=state-1");

            Tokens tokens = OAuth.tokens(oauth().exchange(app.key(), app.secret(), code, redirect, verifier));
            assertThat(tokens.getAccessToken().getScope().toStringList()).containsExactlyInAnyOrder("LIST", "TRVPRF");
        }
    }
}
