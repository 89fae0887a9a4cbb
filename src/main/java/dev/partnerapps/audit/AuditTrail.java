package dev.partnerapps.audit;

import dev.partnerapps.application.ApplicationModified;
import dev.partnerapps.application.ApplicationRegistered;
import dev.partnerapps.application.SecretRotated;
import dev.partnerapps.company.Actor;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log from the modules' events, synchronously: the line is part of the same
 * transaction as the change, so there is never a change without its line or a line without it.
 */
@Component
class AuditTrail {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(ApplicationRegistered event) {
        record(event.actor(), AuditAction.REGISTERED, event.applicationId(), event.name(), event.ownerCompanyId(),
                null);
    }

    @EventListener
    void on(ApplicationModified event) {
        record(event.actor(), AuditAction.MODIFIED, event.applicationId(), event.name(), event.ownerCompanyId(),
                "Changed: " + String.join(", ", event.changes()));
    }

    @EventListener
    void on(SecretRotated event) {
        record(event.actor(), AuditAction.NEW_SECRET, event.applicationId(), event.name(), event.ownerCompanyId(),
                "The previous secret no longer works.");
    }

    private void record(Actor actor, AuditAction action, long applicationId, String applicationName,
            long ownerCompanyId, String detail) {
        events.save(new AuditEvent(Instant.now(clock), actor.userId(), actor.email(), actor.companyId(), action,
                applicationId, applicationName, ownerCompanyId, null, detail));
    }
}
