package dev.partnerapps.company;

import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.Sandboxes;
import dev.partnerapps.support.WebTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * docs/throttling.md, sign-in: wrong passwords first make the next attempt wait, then lock the
 * account (or the client address) with a message; staff see and clear locks; all audited. Short
 * waits here so the test does not sleep for minutes; the rules are the production ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "partnerapps.throttling.sign-in.first-delay=1s",
        "partnerapps.throttling.sign-in.max-delay=1s",
        "partnerapps.throttling.sign-in.account.free-failures=3",
        "partnerapps.throttling.sign-in.account.lock-after=6",
        "partnerapps.throttling.sign-in.address.free-failures=5",
        "partnerapps.throttling.sign-in.address.lock-after=8"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SignInThrottlingTests extends WebTestBase {

    /** A little more than the configured wait. */
    private static final long WAIT = 1_100;

    @Autowired
    MeterRegistry meters;

    @Test
    void wrongPasswordsMakeTheNextAttemptWaitThenLockTheAccountUntilStaffUnlockIt() throws Exception {
        String email = Sandboxes.create(port);
        HttpSession browser = new HttpSession(port, "203.0.113.10");
        double refusedBefore = throttled("sign_in_account");

        for (int failure = 1; failure <= 3; failure++) {
            assertThat(signInPage(browser, email, "wrong password"))
                    .contains("Wrong email or password").doesNotContain("Too many failed sign-ins");
        }
        assertThat(signInPage(browser, email, "wrong password"))
                .as("the fourth failure makes the next attempt wait")
                .contains("Wrong email or password").contains("Too many failed sign-ins: wait 1 seconds");
        assertThat(signInPage(browser, email, Sandboxes.PASSWORD))
                .as("during the wait even the right password is not checked")
                .contains("Too many failed sign-ins: wait").doesNotContain("Wrong email or password");
        assertThat(throttled("sign_in_account")).isGreaterThan(refusedBefore);

        Thread.sleep(WAIT);
        signInPage(browser, email, "wrong password");
        Thread.sleep(WAIT);
        assertThat(signInPage(browser, email, "wrong password"))
                .as("the sixth failure locks")
                .contains("this account is locked until").contains("Platform staff can unlock it sooner");
        Thread.sleep(WAIT);
        assertThat(signInPage(browser, email, Sandboxes.PASSWORD)).contains("this account is locked until");
        assertThat(jdbc.queryForList("select detail from audit_events where action = 'SIGN_IN_LOCKED'"
                + " and company_id = (select company_id from users where email = ?)", String.class, email))
                .singleElement().asString().contains("Account " + email + " locked until").contains("after 6 failed");

        Console console = console();
        String locks = mvc.perform(get("/admin/web-services/sign-in-locks").param("q", email).with(console.as(STAFF)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(locks).contains(email).contains("Locked until").contains("data-confirm");
        mvc.perform(get("/admin/web-services/sign-in-locks").with(console.as(email))).andExpect(status().isForbidden());

        mvc.perform(post("/admin/web-services/sign-in-locks/clear").with(console.as(STAFF)).with(csrf())
                .param("kind", "ACCOUNT").param("subject", email)).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'SIGN_IN_UNLOCKED'"
                + " and actor_email = ? and detail = ?", Long.class, STAFF, "Account " + email + " unlocked."))
                .isEqualTo(1);
        HttpResponse<String> signedIn = browser.signIn(email, Sandboxes.PASSWORD);
        assertThat(HttpSession.location(signedIn)).doesNotContain("/login");
    }

    @Test
    void anUnknownEmailIsLockedExactlyLikeAnAccountSoTheAnswersNeverTellWhichExist() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID() + "@nowhere.example";
        HttpSession browser = new HttpSession(port, "203.0.113.20");
        String last = "";
        for (int failure = 1; failure <= 6; failure++) {
            last = signInPage(browser, unknown, "whatever");
            if (failure > 3 && failure < 6) {
                Thread.sleep(WAIT);
            }
        }
        assertThat(last).contains("this account is locked until");
    }

    @Test
    void tooManyFailuresFromOneAddressLockItForEveryAccountButNotOtherAddresses() throws Exception {
        String email = Sandboxes.create(port);
        HttpSession attacker = new HttpSession(port, "198.51.100.30");
        String last = "";
        for (int failure = 1; failure <= 8; failure++) {
            // A different account each time: only the address's count reaches its limit.
            last = signInPage(attacker, "victim" + failure + "-" + UUID.randomUUID() + "@example.com", "guess");
            if (failure > 5 && failure < 8) {
                Thread.sleep(WAIT);
            }
        }
        assertThat(last).contains("Too many failed sign-ins from your network");
        assertThat(signInPage(attacker, email, Sandboxes.PASSWORD)).contains("from your network");

        HttpResponse<String> elsewhere = new HttpSession(port, "198.51.100.31").signIn(email, Sandboxes.PASSWORD);
        assertThat(HttpSession.location(elsewhere)).doesNotContain("/login");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'SIGN_IN_LOCKED'"
                + " and detail like 'Client address 198.51.100.30 locked until%'", Long.class)).isEqualTo(1);
    }

    @Test
    void aSuccessfulSignInForgetsTheAccountsEarlierFailures() throws Exception {
        String email = Sandboxes.create(port);
        for (int round = 0; round < 3; round++) {
            // A new address each round: an address's failures are not forgotten by a success.
            HttpSession browser = new HttpSession(port, "203.0.113.4" + round);
            for (int failure = 1; failure <= 3; failure++) {
                assertThat(signInPage(browser, email, "typo")).doesNotContain("Too many failed sign-ins");
            }
            assertThat(HttpSession.location(browser.signIn(email, Sandboxes.PASSWORD))).doesNotContain("/login");
        }
        assertThat(jdbc.queryForList("select failures from sign_in_throttles where kind = 'ACCOUNT' and subject = ?",
                Integer.class, email)).isEmpty();
    }

    /** Posts the form and returns the sign-in page it leads to, as the person sees it next. */
    private static String signInPage(HttpSession browser, String email, String password) {
        HttpResponse<String> response = browser.signIn(email, password);
        assertThat(HttpSession.location(response)).contains("/login?error");
        return browser.get("/login?error").body();
    }

    private double throttled(String limit) {
        var counter = meters.find("partnerapps.throttled.requests").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }
}
