package dev.partnerapps.audit;

import dev.partnerapps.application.ApplicationApproved;
import dev.partnerapps.application.ApplicationModified;
import dev.partnerapps.application.ApplicationRegistered;
import dev.partnerapps.application.ApplicationRejected;
import dev.partnerapps.application.ApplicationSubmitted;
import dev.partnerapps.application.SecretOverlap;
import dev.partnerapps.application.SecretRevoked;
import dev.partnerapps.application.SecretRotated;
import dev.partnerapps.application.VisibilityChanged;
import dev.partnerapps.authserver.SigningKeyRotated;
import dev.partnerapps.company.Actor;
import dev.partnerapps.company.SignInLocked;
import dev.partnerapps.company.SignInUnlocked;
import dev.partnerapps.company.UserAdministered;
import dev.partnerapps.enablement.ApplicationDisabled;
import dev.partnerapps.enablement.ApplicationEnabled;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log from the modules' events, synchronously: the line is part of the same
 * transaction as the change, so there is never a change without its line or a line without it.
 */
@Component
class AuditTrail {

    static final String SIGN_IN_PROTECTION = "Sign-in protection";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The overlap as the audit line says it (the log is written in English, like its other lines). */
    private static final Map<SecretOverlap, String> OVERLAPS = Map.of(SecretOverlap.NOW, "none",
            SecretOverlap.ONE_HOUR, "1 hour", SecretOverlap.ONE_DAY, "24 hours", SecretOverlap.SEVEN_DAYS, "7 days");

    private final AuditEventRepository events;
    private final Clock clock;
    private final MessageSource messages;

    AuditTrail(AuditEventRepository events, Clock clock, MessageSource messages) {
        this.events = events;
        this.clock = clock;
        this.messages = messages;
    }

    @EventListener
    void on(ApplicationRegistered e) {
        record(e.actor(), AuditAction.REGISTERED, e.applicationId(), e.name(), e.ownerCompanyId(), null, null);
    }

    @EventListener
    void on(ApplicationModified e) {
        String detail = "Changed: " + String.join(", ", e.changes()) + "."
                + (e.sentBackToReview() ? " Sent back to review; Private until approved again." : "");
        record(e.actor(), AuditAction.MODIFIED, e.applicationId(), e.name(), e.ownerCompanyId(), null, detail);
    }

    /** Says which overlap was chosen and until when, and the new secret's expiry if any. */
    @EventListener
    void on(SecretRotated e) {
        String previous = e.previousWorksUntil() == null ? "The previous secret no longer works."
                : "The previous secret works until " + minutes(e.previousWorksUntil()) + " (overlap "
                        + OVERLAPS.get(e.overlap()) + ").";
        String expiry = e.expiresAt() == null ? "" : " The new secret expires " + minutes(e.expiresAt()) + ".";
        record(e.actor(), AuditAction.NEW_SECRET, e.applicationId(), e.name(), e.ownerCompanyId(), null,
                previous + expiry);
    }

    @EventListener
    void on(SecretRevoked e) {
        record(e.actor(), AuditAction.SECRET_REVOKED, e.applicationId(), e.name(), e.ownerCompanyId(), null,
                "The previous secret, created " + minutes(e.secretCreatedAt()) + ", no longer works.");
    }

    private static String minutes(Instant instant) {
        return MINUTES.format(instant);
    }

    @EventListener
    void on(ApplicationSubmitted e) {
        record(e.actor(), AuditAction.SUBMITTED, e.applicationId(), e.name(), e.ownerCompanyId(), null, null);
    }

    @EventListener
    void on(ApplicationApproved e) {
        record(e.actor(), AuditAction.APPROVED, e.applicationId(), e.name(), e.ownerCompanyId(), null, null);
    }

    @EventListener
    void on(ApplicationRejected e) {
        record(e.actor(), AuditAction.REJECTED, e.applicationId(), e.name(), e.ownerCompanyId(), null,
                "Comment: " + e.comment());
    }

    /** The line is stored, so it is written in the messages' base language whoever's request made it. */
    @EventListener
    void on(VisibilityChanged e) {
        record(e.actor(), AuditAction.VISIBILITY_CHANGED, e.applicationId(), e.name(), e.ownerCompanyId(), null,
                "Now " + messages.getMessage("visibility." + e.visibility().name(), null, Locale.ROOT) + ".");
    }

    @EventListener
    void on(ApplicationEnabled e) {
        record(e.actor(), AuditAction.ENABLED, e.applicationId(), e.applicationName(), e.ownerCompanyId(),
                e.companyId(), null);
    }

    @EventListener
    void on(ApplicationDisabled e) {
        record(e.actor(), AuditAction.DISABLED, e.applicationId(), e.applicationName(), e.ownerCompanyId(),
                e.companyId(), null);
    }

    @EventListener
    void on(SigningKeyRotated e) {
        events.save(new AuditEvent(Instant.now(clock), e.actor().userId(), e.actor().email(), e.actor().companyId(),
                AuditAction.SIGNING_KEY_ROTATED, null, null, null, null, "New key " + e.kid() + "."));
    }

    @EventListener
    void on(UserAdministered e) {
        AuditAction action = switch (e.change()) {
            case ADDED -> AuditAction.USER_ADDED;
            case GRANTED_WEB_SERVICES_ADMINISTRATOR -> AuditAction.PERMISSION_GRANTED;
            case REVOKED_WEB_SERVICES_ADMINISTRATOR -> AuditAction.PERMISSION_REVOKED;
            case DISABLED -> AuditAction.USER_DISABLED;
            case ENABLED -> AuditAction.USER_ENABLED;
        };
        String detail = switch (e.change()) {
            case GRANTED_WEB_SERVICES_ADMINISTRATOR, REVOKED_WEB_SERVICES_ADMINISTRATOR ->
                    "User " + e.userEmail() + ": Web Services Administrator.";
            default -> "User " + e.userEmail() + ".";
        };
        events.save(new AuditEvent(Instant.now(clock), e.actor().userId(), e.actor().email(), e.actor().companyId(),
                action, null, null, null, e.actor().companyId(), detail));
    }

    /** Written by the throttle, not a person: the actor is named for what locked. */
    @EventListener
    void on(SignInLocked e) {
        String what = "ACCOUNT".equals(e.kind()) ? "Account " + e.subject() : "Client address " + e.subject();
        events.save(new AuditEvent(Instant.now(clock), null, SIGN_IN_PROTECTION, null, AuditAction.SIGN_IN_LOCKED,
                null, null, null, e.companyId(), what + " locked until " + e.until() + " after " + e.failures()
                        + " failed sign-ins."));
    }

    @EventListener
    void on(SignInUnlocked e) {
        String what = "ACCOUNT".equals(e.kind()) ? "Account " + e.subject() : "Client address " + e.subject();
        events.save(new AuditEvent(Instant.now(clock), e.actor().userId(), e.actor().email(), e.actor().companyId(),
                AuditAction.SIGN_IN_UNLOCKED, null, null, null, e.companyId(), what + " unlocked."));
    }

    private void record(Actor actor, AuditAction action, long applicationId, String applicationName,
            long ownerCompanyId, Long companyId, String detail) {
        events.save(new AuditEvent(Instant.now(clock), actor.userId(), actor.email(), actor.companyId(), action,
                applicationId, applicationName, ownerCompanyId, companyId, detail));
    }
}
