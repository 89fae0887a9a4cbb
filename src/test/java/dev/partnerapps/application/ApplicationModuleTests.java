package dev.partnerapps.application;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.company.PartnerUser;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application module on its own, with only the modules it may use (company, errors, paging)
 * and the test profile's H2: what it publishes is all other modules learn of its changes.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class ApplicationModuleTests {

    /**
     * What the system module, which this test leaves out, gives every module: the one Clock, and
     * the console's session-backed security context (the company module's sign-in page needs it).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SystemParts {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        SecurityContextRepository securityContextRepository() {
            return new HttpSessionSecurityContextRepository();
        }
    }

    private final UserDetailsService users;
    private final ApplicationRegistration registration;
    private final ApplicationChanges changes;

    ApplicationModuleTests(UserDetailsService users, ApplicationRegistration registration,
            ApplicationChanges changes) {
        this.users = users;
        this.registration = registration;
        this.changes = changes;
    }

    @Test
    void registeringAndSubmittingAnApplicationPublishesBothSteps(AssertablePublishedEvents events) {
        PartnerUser developer = (PartnerUser) users.loadUserByUsername(ACME_DEVELOPER);
        IssuedCredentials issued = registration.register(developer, new ApplicationDetails("Module Test App",
                "Registered without the rest of the application", true, List.of("https://app.example.com/cb"),
                Set.of("LIST")), SecretExpiry.NEVER);

        changes.submitForReview(developer, issued.key());

        assertThat(events).contains(ApplicationRegistered.class)
                .matching(ApplicationRegistered::name, "Module Test App")
                .matching(ApplicationRegistered::ownerCompanyId, developer.getCompanyId());
        assertThat(events).contains(ApplicationSubmitted.class)
                .matching(ApplicationSubmitted::name, "Module Test App")
                .matching(submitted -> submitted.actor().email(), ACME_DEVELOPER);
    }
}
