package dev.partnerapps.company;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.IntegrationTestBase;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mock.env.MockEnvironment;

/**
 * The start-up report (README, "Demo accounts"): the address at once, the demo accounts with their
 * company and role from the database, looked up on the task executor so that they do not hold
 * readiness back, and one warning if the database cannot be reached (docs/performance.md, "What a start no
 * longer does").
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupReportTests extends IntegrationTestBase {

    @Autowired
    StartupReport report;

    @Test
    void printsTheAddressAtOnceAndTheDemoAccountsFromAnotherThread(CapturedOutput output) throws Exception {
        int before = output.getOut().length();
        report.report();
        assertThat(output.getOut().substring(before)).contains("Partner Apps is listening on http://localhost:");

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!output.getOut().substring(before).contains("employee@globex.example") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String out = output.getOut().substring(before);
        String heading = Arrays.stream(out.split("\\R")).filter(line -> line.contains("Demo accounts")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no demo accounts in " + out));
        assertThat(heading).contains("(password demo-password-1)").contains("task-")
                .doesNotContainPattern("\\[ *" + Pattern.quote(Thread.currentThread().getName()) + "\\]");
        assertThat(out).containsPattern("staff@platform\\.example +Platform Operations +Platform Staff")
                .containsPattern("dev@acme-sandbox\\.example +Acme Sandbox +Web Services Administrator")
                .containsPattern("employee@acme-sandbox\\.example +Acme Sandbox +Employee")
                .containsPattern("admin@globex\\.example +Globex Corporation +Company Administrator")
                .containsPattern("employee@globex\\.example +Globex Corporation +Employee");
    }

    @Test
    void aDatabaseThatIsAwayCostsOneWarningAndNoStackTrace(CapturedOutput output) {
        // Port 1 refuses connections: the look-up's transaction cannot begin.
        JdbcTransactionManager away = new JdbcTransactionManager(
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/partnerapps?connectTimeout=2", "none", "none"));
        StartupReport unreachable = new StartupReport(null, new MockEnvironment(), true, new StaticMessageSource(),
                Runnable::run, away);

        int before = output.getOut().length();
        unreachable.report();

        assertThat(output.getOut().substring(before)).contains("Could not list the demo accounts").doesNotContain("\tat ")
                .doesNotContain("Demo accounts (password");
    }
}
