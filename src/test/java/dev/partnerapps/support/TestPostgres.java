package dev.partnerapps.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL server for tests: the one named by {@code PARTNERAPPS_TEST_POSTGRES_URL} (what
 * {@code .ci/run} starts, a superuser JDBC URL), else a Testcontainers container where a Docker
 * engine runs. Each application context gets a database of its own on that server.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "PARTNERAPPS_TEST_POSTGRES_URL";

    private static Server server;
    private static boolean looked;

    private TestPostgres() {
    }

    record Server(String adminUrl, String user, String password) {
    }

    public record Database(String url, String user, String password) {
    }

    static synchronized boolean isAvailable() {
        return server() != null;
    }

    private static synchronized Server server() {
        if (!looked) {
            looked = true;
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                server = new Server(url, System.getenv().getOrDefault("PARTNERAPPS_TEST_POSTGRES_USER", "postgres"),
                        System.getenv().getOrDefault("PARTNERAPPS_TEST_POSTGRES_PASSWORD", ""));
            } else if (dockerAvailable()) {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
                container.start();
                server = new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            }
        }
        return server;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Creates an empty database on the server and returns how to reach it. */
    public static synchronized Database newDatabase() {
        Server s = server();
        if (s == null) {
            throw new IllegalStateException("No PostgreSQL for tests: set " + URL_VARIABLE + " or run a Docker engine");
        }
        String name = "pa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return new Database(replaceDatabaseName(s.adminUrl(), name), s.user(), s.password());
    }

    static String replaceDatabaseName(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }
}
