package dev.partnerapps.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.PartnerAppsApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/architecture.md, "Usage": the counts of the last interval are written when the application
 * stops, also when the JVM is asked to exit (a signal, {@code System.exit}: the same shutdown hooks)
 * with the default profile's embedded H2 file, whose own exit hook runs at the same time as the
 * application's, and while a connection is still in use as the pool closes.
 * The application runs as a real process, in a folder of its own, and the file is read after it
 * ended.
 */
class UsageShutdownTests {

    private static final long APPLICATION = 4_242_424L;
    private static final long COMPANY = 77L;
    private static final String RECORDED = "usage recorded, exiting";

    @Test
    void aJvmExitRightAfterTheStartWritesTheLastCountsToTheEmbeddedDatabase(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("app.log");
        // The class path in an argument file: it is longer than some systems' command lines.
        Path arguments = folder.resolve("java-arguments");
        Files.write(arguments, List.of("-cp", quoted(System.getProperty("java.class.path"))));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "@" + arguments, App.class.getName())
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The default profile as a fresh clone runs it, whatever this machine's environment says.
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("PARTNERAPPS_")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        Process app = builder.start();
        boolean ended;
        try {
            ended = app.waitFor(4, TimeUnit.MINUTES);
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly().waitFor();
            }
        }
        String output = Files.readString(log);
        assertThat(ended).as(output).isTrue();
        assertThat(app.exitValue()).as(output).isZero();
        assertThat(output).contains(RECORDED)
                .doesNotContain("could not be written at shutdown")
                .doesNotContain("Database is already closed");

        Path file = folder.resolve("data").resolve("partnerapps");
        assertThat(file.resolveSibling("partnerapps.mv.db")).exists();
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:h2:file:" + file + ";IFEXISTS=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
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
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * The application with the default profile and its demo data, in the test's folder, started
     * from the test's class path (so without {@code PartnerAppsApplication.main}'s check of an AOT
     * copy's profiles, which does not apply). It takes a connection from the pool and keeps it, as a
     * task still reading when the pool closes would (the demo-account report can, right after a
     * start); counts one API call, which no scheduled flush would write before the exit; and asks the
     * JVM to exit.
     */
    static final class App {

        public static void main(String[] args) throws SQLException {
            ConfigurableApplicationContext context = SpringApplication.run(PartnerAppsApplication.class,
                    "--server.port=0", "--logging.level.root=warn", "--partnerapps.usage.flush-interval=1h");
            Connection inUse = context.getBean(DataSource.class).getConnection();
            try (var statement = inUse.createStatement()) {
                statement.execute("select 1");
            }
            context.getBean(UsageRecorder.class).apiCalled(APPLICATION, COMPANY, "LIST", 200);
            System.out.println(RECORDED);
            System.exit(0);
        }
    }
}
