package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering a new partner application: its Key and first Secret (docs/product.md section 2). */
@Service
class ApplicationRegistration {

    private final PartnerApplicationRepository applications;
    private final ClientSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApplicationRegistration(PartnerApplicationRepository applications, ClientSecrets secrets,
            ApplicationEventPublisher events, Clock clock) {
        this.applications = applications;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers the application (Private, not submitted, enabled for its owner by the listeners of
     * {@link ApplicationRegistered}) and returns its Key and the Secret, which is never stored.
     *
     * @throws NameTakenException when the company registered the same name meanwhile
     */
    @Transactional
    IssuedCredentials register(PartnerUser developer, ApplicationDetails details, SecretExpiry expiry) {
        OwnApplications.requireDeveloper(developer);
        Instant now = Instant.now(clock);
        String key = newUniqueKey();
        String secret = secrets.newSecret();
        PartnerApplication app = new PartnerApplication(developer.getCompanyId(), key, secrets.hash(secret),
                expiry.from(now), now, developer.getEmail());
        app.describe(details);
        try {
            applications.saveAndFlush(app);
        } catch (DataIntegrityViolationException e) {
            // The unique name per company: someone registered it between the form's check and this insert.
            throw new NameTakenException(details.name());
        }
        events.publishEvent(new ApplicationRegistered(app.getId(), app.getOwnerCompanyId(), app.getName(),
                developer.asActor()));
        return new IssuedCredentials(app.getName(), developer.getCompany().domain(), key, secret, null);
    }

    private String newUniqueKey() {
        String key = secrets.newKey();
        while (applications.existsByKey(key)) {
            key = secrets.newKey();
        }
        return key;
    }
}
