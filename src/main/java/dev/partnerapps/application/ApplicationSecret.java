package dev.partnerapps.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One Secret of a partner application, as a digest. Part of the {@link PartnerApplication}
 * aggregate, which alone decides when it starts and stops working (docs/product.md section 2).
 */
@Entity
@Table(name = "application_secrets")
class ApplicationSecret {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    private PartnerApplication application;

    @Column(nullable = false, updatable = false)
    private String digest;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApplicationSecret() {
    }

    ApplicationSecret(PartnerApplication application, String digest, Instant createdAt, String createdBy,
            Instant expiresAt) {
        this.application = application;
        this.digest = digest;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    /** Until when it authenticates: the earlier of its end and its expiry; null while neither is set. */
    Instant validUntil() {
        if (endsAt == null) {
            return expiresAt;
        }
        return expiresAt == null || endsAt.isBefore(expiresAt) ? endsAt : expiresAt;
    }

    /** Whether it authenticates at {@code now}. */
    boolean worksAt(Instant now) {
        Instant until = validUntil();
        return until == null || now.isBefore(until);
    }

    /** Stops working at {@code at} (the end of an overlap, or now), unless it stops earlier already. */
    void endAt(Instant at) {
        if (endsAt == null || at.isBefore(endsAt)) {
            endsAt = at;
        }
    }

    void revoke(Instant now, String actor) {
        endAt(now);
        revokedBy = actor;
    }

    Long getId() {
        return id;
    }

    String getDigest() {
        return digest;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getEndsAt() {
        return endsAt;
    }

    String getRevokedBy() {
        return revokedBy;
    }
}
