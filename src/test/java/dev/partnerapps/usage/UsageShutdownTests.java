package dev.partnerapps.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.PartnerAppsApplication;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/architecture.md, "Usage": the counts of the last interval are written when the application
 * stops, also when the JVM is asked to exit (a signal, {@code System.exit}) and the database is the
 * default profile's embedded H2 file, whose own exit hook runs at the same time as the
 * application's. The application runs as a real process, in a folder of its own, and the file is
 * read after it ended.
 */
class UsageShutdownTests {

    private static final long APPLICATION = 4_242_424L;
    private static final long COMPANY = 77L;
    private static final String RECORDED = "usage recorded, exiting";

    @Test
    void aJvmExitWritesTheLastCountsToTheEmbeddedDatabase(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("app.log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), App.class.getName())
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = app.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            app.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(ended).as(output).isTrue();
        assertThat(app.exitValue()).as(output).isZero();
        assertThat(output).contains(RECORDED)
                .doesNotContain("could not be written at shutdown")
                .doesNotContain("Database is already closed");

        String file = folder.resolve("data").resolve("partnerapps").toString();
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "select kind, detail, count from usage_daily where application_id = ? and company_id = ?")) {
            query.setLong(1, APPLICATION);
            query.setLong(2, COMPANY);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the API call's count, written at shutdown").isTrue();
                assertThat(row.getString("kind")).isEqualTo("api");
                assertThat(row.getString("detail")).isEqualTo("LIST 200");
                assertThat(row.getLong("count")).isEqualTo(1);
                assertThat(row.next()).isFalse();
            }
        }
        assertThat(new File(file + ".mv.db")).exists();
    }

    /**
     * The application as {@code java -jar} starts it, with the default profile, in the test's
     * folder: it counts one API call, which no scheduled flush would write before the exit, and asks
     * the JVM to exit. Without the demo-account report, the one task that holds a connection for a
     * moment after the start: a connection still in use when the pool closes keeps H2 from closing
     * its file, and H2 loses what was committed in its last half second (docs/architecture.md).
     */
    static final class App {

        public static void main(String[] args) {
            ConfigurableApplicationContext context = SpringApplication.run(PartnerAppsApplication.class,
                    "--server.port=0", "--logging.level.root=warn", "--partnerapps.usage.flush-interval=1h",
                    "--partnerapps.demo-data=false");
            context.getBean(UsageRecorder.class).apiCalled(APPLICATION, COMPANY, "LIST", 200);
            System.out.println(RECORDED);
            System.exit(0);
        }
    }
}
