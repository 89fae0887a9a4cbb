package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New Secret and Revoke (docs/product.md section 2): the owner replaces an application's Secret,
 * the previous one stopping when this commits or after the chosen overlap, and may end that
 * overlap early. The rules are the aggregate's ({@link PartnerApplication#rotateSecret}).
 */
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
    IssuedCredentials newSecret(PartnerUser developer, String key, SecretOverlap overlap, SecretExpiry expiry) {
        PartnerApplication app = own.find(developer, key);
        String secret = secrets.newSecret();
        Instant now = Instant.now(clock);
        Instant expiresAt = expiry.from(now);
        PartnerApplication.Rotation rotation = app.rotateSecret(secrets.hash(secret), now, overlap.duration(),
                expiresAt, developer.getEmail());
        app.touched(now, developer.getEmail());
        applications.saveAndFlush(app);
        events.publishEvent(new SecretRotated(app.getId(), app.getOwnerCompanyId(), app.getName(),
                developer.asActor(), overlap, rotation.previousWorksUntil(), expiresAt));
        return new IssuedCredentials(app.getName(), developer.getCompany().domain(), app.getKey(), secret,
                rotation.previousWorksUntil());
    }

    /**
     * @throws dev.partnerapps.errors.NotFoundException when the application has no such working Secret
     * @throws CurrentSecretException when it is the current Secret
     */
    @Transactional
    void revoke(PartnerUser developer, String key, long secretId) {
        PartnerApplication app = own.find(developer, key);
        Instant now = Instant.now(clock);
        Instant createdAt = app.revokeSecret(secretId, now, developer.getEmail());
        app.touched(now, developer.getEmail());
        applications.saveAndFlush(app);
        events.publishEvent(new SecretRevoked(app.getId(), app.getOwnerCompanyId(), app.getName(), secretId,
                createdAt, developer.asActor()));
    }
}
