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

/**
 * The start-up report (README, "Demo accounts"): the address at once, the demo accounts with their
 * company and role from the database, looked up on the task executor so that they do not hold
 * readiness back (docs/operations.md, "Start-up").
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupReportTests extends IntegrationTestBase {

    @Autowired
    StartupReport report;

    @Test
    void printsTheAddressAtOnceAndTheDemoAccountsFromAnotherThread(CapturedOutput output) throws Exception {
        report.report();
        assertThat(output.getOut()).contains("Partner Apps is listening on http://localhost:");

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!output.getOut().contains("employee@globex.example") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String out = output.getOut();
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
}
