package dev.partnerapps.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "companies")
class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String domain;

    @Column(name = "development_partner", nullable = false)
    private boolean developmentPartner;

    @Column(name = "platform_operator", nullable = false)
    private boolean platformOperator;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Company() {
    }

    Company(String name, String domain, boolean developmentPartner, Instant createdAt) {
        this.name = name;
        this.domain = domain;
        this.developmentPartner = developmentPartner;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getDomain() {
        return domain;
    }

    boolean isDevelopmentPartner() {
        return developmentPartner;
    }

    boolean isPlatformOperator() {
        return platformOperator;
    }

    CompanyInfo toInfo() {
        return new CompanyInfo(id, name, domain, developmentPartner, platformOperator);
    }
}
