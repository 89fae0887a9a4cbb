package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** New Secret: the owner replaces an application's Secret; the old one stops verifying when this commits. */
@Service
class SecretRotation {

    private final OwnApplications own;
    private final PartnerApplicationRepository applications;
    private final ClientSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecretRotation(OwnApplications own, PartnerApplicationRepository applications, ClientSecrets secrets,
            ApplicationEventPublisher events, Clock clock) {
        this.own = own;
        this.applications = applications;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    IssuedCredentials newSecret(PartnerUser developer, String key) {
        PartnerApplication app = own.find(developer, key);
        String secret = secrets.newSecret();
        Instant now = Instant.now(clock);
        app.replaceSecret(secrets.hash(secret), now);
        app.touched(now, developer.getEmail());
        applications.saveAndFlush(app);
        events.publishEvent(new SecretRotated(app.getId(), app.getOwnerCompanyId(), app.getName(),
                developer.asActor()));
        return new IssuedCredentials(app.getName(), developer.getCompany().domain(), app.getKey(), secret);
    }
}
