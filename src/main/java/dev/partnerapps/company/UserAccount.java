package dev.partnerapps.company;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "users")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "company_id", nullable = false, updatable = false)
    private Company company;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    /** Goes up with every disable: what the user was granted before it never works again. */
    @Column(name = "access_generation", nullable = false)
    private long accessGeneration;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_permissions", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "permission", nullable = false)
    @Enumerated(EnumType.STRING)
    private Set<Permission> permissions = new HashSet<>();

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(Company company, String email, String passwordHash, Instant createdAt) {
        this.company = company;
        this.email = email;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    Company getCompany() {
        return company;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        if (this.enabled && !enabled) {
            accessGeneration++;
        }
        this.enabled = enabled;
    }

    long getAccessGeneration() {
        return accessGeneration;
    }

    Set<Permission> getPermissions() {
        return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    void grant(Permission permission) {
        permissions.add(permission);
    }

    void revoke(Permission permission) {
        permissions.remove(permission);
    }

    PartnerUser toPrincipal() {
        return new PartnerUser(id, email, passwordHash, enabled, accessGeneration, company.toInfo(), getPermissions());
    }
}
