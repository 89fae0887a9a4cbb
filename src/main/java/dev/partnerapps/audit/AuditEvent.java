package dev.partnerapps.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log. Written once, never changed; never holds a secret. */
@Entity
@Table(name = "audit_events")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_user_id", updatable = false)
    private Long actorUserId;

    @Column(name = "actor_email", nullable = false, updatable = false)
    private String actorEmail;

    @Column(name = "actor_company_id", updatable = false)
    private Long actorCompanyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditAction action;

    @Column(name = "application_id", updatable = false)
    private Long applicationId;

    @Column(name = "application_name", updatable = false)
    private String applicationName;

    @Column(name = "owner_company_id", updatable = false)
    private Long ownerCompanyId;

    /** The company an action was taken for, where that is not the actor's (enable, disable). */
    @Column(name = "company_id", updatable = false)
    private Long companyId;

    @Column(updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, Long actorUserId, String actorEmail, Long actorCompanyId, AuditAction action,
            Long applicationId, String applicationName, Long ownerCompanyId, Long companyId, String detail) {
        this.occurredAt = occurredAt;
        this.actorUserId = actorUserId;
        this.actorEmail = actorEmail;
        this.actorCompanyId = actorCompanyId;
        this.action = action;
        this.applicationId = applicationId;
        this.applicationName = applicationName;
        this.ownerCompanyId = ownerCompanyId;
        this.companyId = companyId;
        this.detail = detail;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }

    String getActorEmail() {
        return actorEmail;
    }

    AuditAction getAction() {
        return action;
    }

    String getApplicationName() {
        return applicationName;
    }

    Long getCompanyId() {
        return companyId;
    }

    String getDetail() {
        return detail;
    }
}
