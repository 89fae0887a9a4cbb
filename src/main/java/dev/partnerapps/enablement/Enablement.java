package dev.partnerapps.enablement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/** Whether one company has one application enabled. */
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

    void set(boolean enabled, Instant changedAt, String changedBy) {
        this.enabled = enabled;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    @Embeddable
    record Id(@Column(name = "application_id") long applicationId, @Column(name = "company_id") long companyId)
            implements Serializable {
    }
}
