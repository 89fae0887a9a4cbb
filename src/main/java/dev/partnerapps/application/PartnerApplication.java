package dev.partnerapps.application;

import dev.partnerapps.errors.NotFoundException;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A partner application, and the one place its review and Visibility rules live
 * (docs/product.md section 3): each step checks the state it starts from and refuses the
 * illegal ones with {@link RefusedTransitionException}, changing nothing. It also owns its
 * Secrets and their rules (section 2): overlap, expiry, early revoke, at most two at a time.
 */
@Entity
@Table(name = "partner_applications")
class PartnerApplication {

    /** Changes that alter what an approved application asks of other companies: they need a new review. */
    static final Set<String> REVIEWED_FIELDS = Set.of("APIs Used", "Redirect URIs");

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

    /** Oldest first; those that stopped working are dropped at the next change of Secrets. */
    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ApplicationSecret> secrets = new ArrayList<>();

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

    /** A new application with its first Secret ({@code secretExpiresAt} null: it never expires). */
    PartnerApplication(long ownerCompanyId, String key, String secretDigest, Instant secretExpiresAt, Instant now,
            String actorEmail) {
        this.ownerCompanyId = ownerCompanyId;
        this.key = key;
        this.secrets.add(new ApplicationSecret(this, secretDigest, now, actorEmail, secretExpiresAt));
        this.createdAt = now;
        this.createdBy = actorEmail;
        this.updatedAt = now;
        this.updatedBy = actorEmail;
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The first description of a new application (it starts Private and not submitted). */
    void describe(ApplicationDetails details) {
        this.name = details.name().strip();
        this.nameKey = nameKey(details.name());
        this.description = details.description() == null ? "" : details.description().strip();
        this.active = details.active();
        this.redirectUris = String.join("\n", details.redirectUris());
        this.scopes.clear();
        this.scopes.addAll(details.scopes());
    }

    /** What a save of the Modify form did: the fields that changed, as the form labels them. */
    record Modification(List<String> changes, boolean sentBackToReview) {

        boolean changedAnything() {
            return !changes.isEmpty();
        }
    }

    /**
     * The owner's Modify form, filled in at {@code basedOnVersion}. Other companies must never
     * silently receive new scopes or redirect targets: an approved application that changes
     * them goes back to review and is Private until approved again.
     *
     * @throws StaleApplicationException when someone else saved a newer version meanwhile
     */
    Modification modify(ApplicationDetails details, Long basedOnVersion) {
        if (basedOnVersion == null || basedOnVersion != version) {
            throw new StaleApplicationException(key);
        }
        List<String> changes = changesTo(details);
        if (changes.isEmpty()) {
            return new Modification(changes, false);
        }
        describe(details);
        boolean sentBackToReview = reviewState == ReviewState.APPROVED
                && changes.stream().anyMatch(REVIEWED_FIELDS::contains);
        if (sentBackToReview) {
            reviewState = ReviewState.SUBMITTED;
            visibility = Visibility.PRIVATE;
        }
        return new Modification(changes, sentBackToReview);
    }

    private List<String> changesTo(ApplicationDetails details) {
        List<String> changes = new ArrayList<>();
        if (!name.equals(details.name().strip())) {
            changes.add("Name");
        }
        if (!description.equals(details.description())) {
            changes.add("Description");
        }
        if (active != details.active()) {
            changes.add("Active");
        }
        if (!getRedirectUris().equals(details.redirectUris())) {
            changes.add("Redirect URIs");
        }
        if (!getScopes().equals(new HashSet<>(details.scopes()))) {
            changes.add("APIs Used");
        }
        return changes;
    }

    void touched(Instant now, String actorEmail) {
        this.updatedAt = now;
        this.updatedBy = actorEmail;
    }

    /** What New Secret did: until when the previous Secret works (null if there was none working). */
    record Rotation(Instant previousWorksUntil) {
    }

    /**
     * New Secret. With {@link Duration#ZERO} every other Secret stops working at once (the rule
     * when a Secret leaked); otherwise the current one keeps working for {@code overlap}. At most
     * two Secrets work at a time, so a rotation during an overlap ends the older one at once.
     * Secrets that no longer work are dropped.
     */
    Rotation rotateSecret(String digest, Instant now, Duration overlap, Instant expiresAt, String actor) {
        secrets.removeIf(secret -> !secret.worksAt(now));
        Instant previousWorksUntil = null;
        for (ApplicationSecret secret : secrets) {
            if (overlap.isZero() || secret != currentSecret()) {
                secret.endAt(now);
            } else {
                secret.endAt(now.plus(overlap));
                previousWorksUntil = secret.validUntil();
            }
        }
        secrets.add(new ApplicationSecret(this, digest, now, actor, expiresAt));
        return new Rotation(previousWorksUntil);
    }

    /**
     * Revoke early: a previous Secret still in its overlap stops working now. The current
     * Secret cannot be revoked this way; New Secret with "now" replaces it.
     *
     * @return when the revoked Secret was created
     * @throws NotFoundException when no Secret of this application has that id or it no longer works
     */
    Instant revokeSecret(long secretId, Instant now, String actor) {
        ApplicationSecret secret = secrets.stream()
                .filter(s -> s.getId() != null && s.getId() == secretId && s.worksAt(now))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Secret " + secretId + " of application " + key));
        if (secret == currentSecret()) {
            throw new CurrentSecretException(key);
        }
        secret.revoke(now, actor);
        return secret.getCreatedAt();
    }

    /** The newest Secret, the one New Secret last created. */
    private ApplicationSecret currentSecret() {
        return secrets.get(secrets.size() - 1);
    }

    /**
     * The Secrets the Modify page lists at {@code now}, oldest first: those still working and the
     * current one even once expired (so its owner sees why tokens are refused).
     */
    List<SecretView> secretsAt(Instant now) {
        ApplicationSecret current = currentSecret();
        return secrets.stream()
                .filter(secret -> secret == current || secret.worksAt(now))
                .map(secret -> new SecretView(secret.getId(), secret.getCreatedAt(), secret.getCreatedBy(),
                        secret.getExpiresAt(), secret.getEndsAt(), secret == current, !secret.worksAt(now)))
                .toList();
    }

    /** The Secrets that authenticate at {@code now}, oldest first: never more than two. */
    List<ApplicationSecret> secretsWorkingAt(Instant now) {
        return secrets.stream().filter(secret -> secret.worksAt(now)).toList();
    }

    /** Whether the owner may submit an application in this state: before the first review and after a rejection. */
    static boolean canBeSubmittedFrom(ReviewState state) {
        return state == ReviewState.NOT_SUBMITTED || state == ReviewState.REJECTED;
    }

    /** The owner asks platform staff to review the application. */
    void submitForReview() {
        if (!canBeSubmittedFrom(reviewState)) {
            throw new RefusedTransitionException(key, RefusedTransitionException.Reason.NOT_SUBMITTABLE);
        }
        reviewState = ReviewState.SUBMITTED;
    }

    /** Staff approve a submitted application; a blank comment is no comment. It stays Private until staff make it Public. */
    void approve(String comment) {
        requireSubmitted();
        reviewState = ReviewState.APPROVED;
        reviewComment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    /**
     * Staff reject a submitted application, saying why. A rejected application is not for other
     * companies, whatever it was before: it becomes Private.
     *
     * @return whether that took it from Public to Private
     */
    boolean reject(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("A rejection says why");
        }
        requireSubmitted();
        reviewState = ReviewState.REJECTED;
        reviewComment = comment.strip();
        boolean wasPublic = visibility == Visibility.PUBLIC;
        visibility = Visibility.PRIVATE;
        return wasPublic;
    }

    /**
     * Staff make the application Public (only once approved) or Private (at any time).
     *
     * @return false when it already was
     */
    boolean changeVisibility(Visibility visibility) {
        if (this.visibility == visibility) {
            return false;
        }
        if (visibility == Visibility.PUBLIC && reviewState != ReviewState.APPROVED) {
            throw new RefusedTransitionException(key, RefusedTransitionException.Reason.NOT_APPROVED);
        }
        this.visibility = visibility;
        return true;
    }

    private void requireSubmitted() {
        if (reviewState != ReviewState.SUBMITTED) {
            throw new RefusedTransitionException(key, RefusedTransitionException.Reason.NOT_SUBMITTED);
        }
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

    /** When the current Secret was created. */
    Instant getSecretCreatedAt() {
        return currentSecret().getCreatedAt();
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
