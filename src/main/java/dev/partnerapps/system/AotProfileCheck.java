package dev.partnerapps.system;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a copy built by Spring's AOT processing for other profiles than the active ones
 * (docs/operations.md, "start in seconds"). The processing fixes the beans of the profiles it ran
 * with: started with another profile, the app would run with the wrong beans without a word (the
 * {@code postgres} profile's separate actuator port, for one, would silently not exist).
 * {@code bench/aot-cache.sh} records the profiles in the copy's {@code spring.properties} as
 * {@value #PROFILES_PROPERTY}. It runs once the environment is ready, before any bean (the database
 * is not touched first), as a listener {@code main} adds.
 */
public final class AotProfileCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String PROFILES_PROPERTY = "partnerapps.aot.profiles";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String built = SpringProperties.getProperty(PROFILES_PROPERTY);
        if (AotDetector.useGeneratedArtifacts() && built != null) {
            String refusal = refusal(built, environment.getActiveProfiles(), environment.getDefaultProfiles());
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
        }
    }

    /** Why the copy must not start, or null when it was built for the active profiles. */
    static String refusal(String built, String[] active, String[] defaults) {
        Set<String> builtFor = profiles(built.split(","));
        Set<String> running = profiles(active.length > 0 ? active : defaults);
        if (builtFor.equals(running)) {
            return null;
        }
        return "This copy was built by Spring's AOT processing for the profiles " + builtFor
                + " but started with " + running + ": build it again with bench/aot-cache.sh in the"
                + " environment it runs in, or start the plain jar";
    }

    private static Set<String> profiles(String[] names) {
        Set<String> set = new TreeSet<>();
        Arrays.stream(names).map(String::trim).filter(name -> !name.isEmpty()).forEach(set::add);
        return set;
    }
}
