package dev.partnerapps.enablement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * Whether one company has one application enabled, and under which generation. The generation
 * goes up each time the enablement stops counting; access tokens carry the generation they were
 * issued under and are accepted only while it is still the current one, so a token issued by an
 * instance that had not yet heard of a disable never comes back to life on re-enable (README,
 * "A disable is a fence").
 */
@Entity
@Table(name = "application_enablements")
class Enablement {

    @EmbeddedId
    private Id id;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(nullable = false)
    private long generation;

    @Version
    private long version;

    protected Enablement() {
    }

    Enablement(long applicationId, long companyId, boolean enabled, Instant changedAt, String changedBy) {
        this.id = new Id(applicationId, companyId);
        this.enabled = enabled;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    boolean isEnabled() {
        return enabled;
    }

    long generation() {
        return generation;
    }

    void set(boolean enabled, Instant changedAt, String changedBy) {
        if (this.enabled && !enabled) {
            generation++;
        }
        this.enabled = enabled;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    @Embeddable
    record Id(@Column(name = "application_id") long applicationId, @Column(name = "company_id") long companyId)
            implements Serializable {
    }
}
