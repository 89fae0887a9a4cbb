package dev.partnerapps.application;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@Entity
@Table(name = "partner_applications")
class PartnerApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_company_id", nullable = false, updatable = false)
    private long ownerCompanyId;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility = Visibility.PRIVATE;

    @Column(nullable = false)
    private boolean active;

    /** One URI per line, in the order the owner gave them. */
    @Column(name = "redirect_uris", nullable = false)
    private String redirectUris = "";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_application_scopes", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "scope", nullable = false)
    private Set<String> scopes = new HashSet<>();

    @Column(name = "client_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "secret_created_at", nullable = false)
    private Instant secretCreatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state", nullable = false)
    private ReviewState reviewState = ReviewState.NOT_SUBMITTED;

    @Column(name = "review_comment")
    private String reviewComment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    protected PartnerApplication() {
    }

    PartnerApplication(long ownerCompanyId, String key, String secretHash, Instant now, String actorEmail) {
        this.ownerCompanyId = ownerCompanyId;
        this.key = key;
        this.secretHash = secretHash;
        this.secretCreatedAt = now;
        this.createdAt = now;
        this.createdBy = actorEmail;
        this.updatedAt = now;
        this.updatedBy = actorEmail;
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    void describe(String name, String description, boolean active, List<String> redirectUris, Set<String> scopes) {
        this.name = name.strip();
        this.nameKey = nameKey(name);
        this.description = description == null ? "" : description.strip();
        this.active = active;
        this.redirectUris = String.join("\n", redirectUris);
        this.scopes.clear();
        this.scopes.addAll(scopes);
    }

    void touched(Instant now, String actorEmail) {
        this.updatedAt = now;
        this.updatedBy = actorEmail;
    }

    void replaceSecret(String secretHash, Instant now) {
        this.secretHash = secretHash;
        this.secretCreatedAt = now;
    }

    /** The owner asks platform staff to review the application. */
    void submitForReview() {
        reviewState = ReviewState.SUBMITTED;
    }

    void approve(String comment) {
        reviewState = ReviewState.APPROVED;
        reviewComment = comment;
    }

    void reject(String comment) {
        reviewState = ReviewState.REJECTED;
        reviewComment = comment;
    }

    void changeVisibility(Visibility visibility) {
        this.visibility = visibility;
    }

    Long getId() {
        return id;
    }

    long getOwnerCompanyId() {
        return ownerCompanyId;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    Visibility getVisibility() {
        return visibility;
    }

    boolean isActive() {
        return active;
    }

    List<String> getRedirectUris() {
        return redirectUris.isEmpty() ? List.of() : Arrays.asList(redirectUris.split("\n"));
    }

    Set<String> getScopes() {
        return Set.copyOf(scopes);
    }

    String getKey() {
        return key;
    }

    String getSecretHash() {
        return secretHash;
    }

    Instant getSecretCreatedAt() {
        return secretCreatedAt;
    }

    ReviewState getReviewState() {
        return reviewState;
    }

    String getReviewComment() {
        return reviewComment;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    long getVersion() {
        return version;
    }
}
