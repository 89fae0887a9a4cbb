package dev.partnerapps.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.partnerapps.PartnerAppsApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.SpringProperties;
import org.springframework.mock.env.MockEnvironment;

/** A copy built by Spring's AOT processing starts only with the profiles it was built for. */
class AotProfileCheckTests {

    private static final String[] NONE = {};
    private static final String[] DEFAULT = {"default"};

    @Test
    void startsWithTheProfilesItWasBuiltFor() {
        assertThat(AotProfileCheck.refusal("default", NONE, DEFAULT)).isNull();
        assertThat(AotProfileCheck.refusal("postgres", new String[] {"postgres"}, DEFAULT)).isNull();
        assertThat(AotProfileCheck.refusal(" postgres,metrics", new String[] {"metrics", "postgres"}, DEFAULT)).isNull();
    }

    @Test
    void refusesOtherProfilesAndSaysWhatToDo() {
        assertThat(AotProfileCheck.refusal("default", new String[] {"postgres"}, DEFAULT))
                .contains("[default]").contains("[postgres]").contains("bench/aot-cache.sh");
        assertThat(AotProfileCheck.refusal("postgres", NONE, DEFAULT))
                .contains("[postgres]").contains("[default]");
        assertThat(AotProfileCheck.refusal("postgres", new String[] {"postgres", "extra"}, DEFAULT)).isNotNull();
    }

    @AfterEach
    void plainAgain() {
        SpringProperties.setProperty("spring.aot.enabled", null);
        SpringProperties.setProperty(AotProfileCheck.PROFILES_PROPERTY, null);
    }

    @Test
    void aProcessedCopyStopsBeforeAnyBeanWhenStartedWithOtherProfiles() {
        // what bench/aot-cache.sh writes into the copy's spring.properties
        SpringProperties.setProperty("spring.aot.enabled", "true");
        SpringProperties.setProperty(AotProfileCheck.PROFILES_PROPERTY, "default");

        MockEnvironment postgres = new MockEnvironment();
        postgres.setActiveProfiles("postgres");
        assertThatIllegalStateException().isThrownBy(() -> new AotProfileCheck().onApplicationEvent(prepared(postgres)))
                .withMessageContaining("[default]").withMessageContaining("[postgres]");
        assertThatNoException().isThrownBy(() -> new AotProfileCheck().onApplicationEvent(prepared(new MockEnvironment())));
    }

    @Test
    void thePlainJarIsNotChecked() {
        SpringProperties.setProperty(AotProfileCheck.PROFILES_PROPERTY, "default");
        MockEnvironment postgres = new MockEnvironment();
        postgres.setActiveProfiles("postgres");
        assertThatNoException().isThrownBy(() -> new AotProfileCheck().onApplicationEvent(prepared(postgres)));
    }

    private static ApplicationEnvironmentPreparedEvent prepared(MockEnvironment environment) {
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(PartnerAppsApplication.class), new String[0], environment);
    }
}
