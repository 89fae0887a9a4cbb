package dev.partnerapps.support;

import dev.partnerapps.PartnerAppsApplication;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** More instances of the application on the database of a test's context, as a load balancer would have. */
public final class Instances {

    private Instances() {
    }

    /** Starts another instance on the same database, on a free port, with extra {@code --name=value} settings. */
    public static ConfigurableApplicationContext another(Environment environment, String... settings) {
        // Command-line arguments: they outrank the test profile's in-memory database URL.
        String[] database = {"--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", "")};
        return new SpringApplicationBuilder(PartnerAppsApplication.class)
                .profiles("test")
                .run(Stream.concat(Stream.of(database), Stream.of(settings)).toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
