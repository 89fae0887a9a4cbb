package dev.partnerapps.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every test of the running application needs: its port, MockMvc, the users and JDBC, and
 * the {@link Console} and {@link OAuth} clients built on them. It brings no configuration of its
 * own: extend {@link IntegrationTestBase} or {@link PostgresTestBase}, or extend this one directly
 * and keep the class's own annotations ({@link BrowserTest}, a {@code @SpringBootTest} with its own
 * properties) where the test needs an application other than theirs. The class must start the
 * application on a port with {@code @AutoConfigureMockMvc}.
 */
public abstract class WebTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected UserDetailsService userDetails;

    @Autowired
    protected JdbcTemplate jdbc;

    /** The console's pages through {@link #mvc}, signed in as the users of {@link #userDetails}. */
    protected Console console() {
        return new Console(mvc, userDetails);
    }

    /** An OAuth client talking to this application over HTTP on {@link #port}. */
    protected OAuth oauth() {
        return new OAuth(port);
    }
}
