package dev.partnerapps.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.partnerapps.errors.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.util.ReflectionTestUtils;

/** The review and Visibility rules of docs/product.md section 3, on the aggregate alone. */
class PartnerApplicationTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ApplicationDetails DETAILS = new ApplicationDetails("Expense Sync", "Syncs expenses", true,
            List.of("https://app.example.com/callback"), Set.of("LIST"));

    private static PartnerApplication registered() {
        PartnerApplication app = new PartnerApplication(7L, "key", "{sha256}digest", null, NOW, "dev@acme.example");
        app.describe(DETAILS);
        return app;
    }

    private static PartnerApplication in(ReviewState state) {
        PartnerApplication app = registered();
        if (state == ReviewState.NOT_SUBMITTED) {
            return app;
        }
        app.submitForReview();
        switch (state) {
            case APPROVED -> app.approve("");
            case REJECTED -> app.reject("Why do you need it?");
            default -> { }
        }
        return app;
    }

    private static PartnerApplication approvedAndPublic() {
        PartnerApplication app = in(ReviewState.APPROVED);
        app.changeVisibility(Visibility.PUBLIC);
        return app;
    }

    private static ApplicationDetails with(String name, String description, boolean active, List<String> redirectUris,
            Set<String> scopes) {
        return new ApplicationDetails(name, description, active, redirectUris, scopes);
    }

    private static void assertRefused(Runnable step, RefusedTransitionException.Reason reason) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(RefusedTransitionException.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    @Test
    void aNewApplicationIsPrivateAndNotSubmitted() {
        PartnerApplication app = registered();
        assertThat(app.getReviewState()).isEqualTo(ReviewState.NOT_SUBMITTED);
        assertThat(app.getVisibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(app.getName()).isEqualTo("Expense Sync");
    }

    @ParameterizedTest
    @EnumSource(value = ReviewState.class, names = {"NOT_SUBMITTED", "REJECTED"})
    void anApplicationIsSubmittedBeforeItsFirstReviewAndAfterARejection(ReviewState state) {
        PartnerApplication app = in(state);
        assertThat(PartnerApplication.canBeSubmittedFrom(state)).isTrue();
        app.submitForReview();
        assertThat(app.getReviewState()).isEqualTo(ReviewState.SUBMITTED);
        assertThat(app.getVisibility()).isEqualTo(Visibility.PRIVATE);
    }

    @ParameterizedTest
    @EnumSource(value = ReviewState.class, names = {"SUBMITTED", "APPROVED"})
    void submittingAnApplicationUnderReviewOrApprovedIsRefused(ReviewState state) {
        PartnerApplication app = in(state);
        assertThat(PartnerApplication.canBeSubmittedFrom(state)).isFalse();
        assertRefused(app::submitForReview, RefusedTransitionException.Reason.NOT_SUBMITTABLE);
        assertThat(app.getReviewState()).isEqualTo(state);
    }

    @Test
    void approvingASubmittedApplicationKeepsItPrivateWithItsComment() {
        PartnerApplication app = in(ReviewState.SUBMITTED);
        app.approve("  Looks good.  ");
        assertThat(app.getReviewState()).isEqualTo(ReviewState.APPROVED);
        assertThat(app.getReviewComment()).isEqualTo("Looks good.");
        assertThat(app.getVisibility()).isEqualTo(Visibility.PRIVATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankApprovalCommentIsNoComment(String comment) {
        PartnerApplication app = in(ReviewState.SUBMITTED);
        app.approve(comment);
        assertThat(app.getReviewComment()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = ReviewState.class, names = {"NOT_SUBMITTED", "APPROVED", "REJECTED"})
    void approvingOrRejectingAnApplicationThatIsNotSubmittedIsRefused(ReviewState state) {
        PartnerApplication app = in(state);
        String comment = app.getReviewComment();
        assertRefused(() -> app.approve("Fine"), RefusedTransitionException.Reason.NOT_SUBMITTED);
        assertRefused(() -> app.reject("No"), RefusedTransitionException.Reason.NOT_SUBMITTED);
        assertThat(app.getReviewState()).isEqualTo(state);
        assertThat(app.getReviewComment()).isEqualTo(comment);
    }

    @Test
    void rejectingASubmittedApplicationKeepsTheCommentAndLeavesItPrivate() {
        PartnerApplication app = in(ReviewState.SUBMITTED);
        boolean madePrivate = app.reject("  Describe why you need BANK data. ");
        assertThat(madePrivate).as("it was Private already").isFalse();
        assertThat(app.getReviewState()).isEqualTo(ReviewState.REJECTED);
        assertThat(app.getReviewComment()).isEqualTo("Describe why you need BANK data.");
        assertThat(app.getVisibility()).isEqualTo(Visibility.PRIVATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aRejectionWithoutACommentIsRefused(String comment) {
        PartnerApplication app = in(ReviewState.SUBMITTED);
        assertThatIllegalArgumentException().isThrownBy(() -> app.reject(comment));
        assertThatIllegalArgumentException().isThrownBy(() -> app.reject(null));
        assertThat(app.getReviewState()).isEqualTo(ReviewState.SUBMITTED);
        assertThat(app.getReviewComment()).isNull();
    }

    @Test
    void anApprovedApplicationBecomesPublicAndPrivateAgain() {
        PartnerApplication app = in(ReviewState.APPROVED);
        assertThat(app.changeVisibility(Visibility.PUBLIC)).isTrue();
        assertThat(app.getVisibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(app.changeVisibility(Visibility.PRIVATE)).isTrue();
        assertThat(app.getVisibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(app.getReviewState()).isEqualTo(ReviewState.APPROVED);
    }

    @ParameterizedTest
    @EnumSource(value = ReviewState.class, names = {"NOT_SUBMITTED", "SUBMITTED", "REJECTED"})
    void onlyAnApprovedApplicationMayBecomePublic(ReviewState state) {
        PartnerApplication app = in(state);
        assertRefused(() -> app.changeVisibility(Visibility.PUBLIC), RefusedTransitionException.Reason.NOT_APPROVED);
        assertThat(app.getVisibility()).isEqualTo(Visibility.PRIVATE);
    }

    @ParameterizedTest
    @EnumSource(ReviewState.class)
    void makingAPrivateApplicationPrivateChangesNothing(ReviewState state) {
        PartnerApplication app = in(state);
        assertThat(app.changeVisibility(Visibility.PRIVATE)).isFalse();
        assertThat(app.getVisibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void makingAPublicApplicationPublicChangesNothing() {
        PartnerApplication app = approvedAndPublic();
        assertThat(app.changeVisibility(Visibility.PUBLIC)).isFalse();
        assertThat(app.getVisibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void modifyingNamesEveryChangedFieldAsTheFormLabelsIt() {
        PartnerApplication app = registered();
        PartnerApplication.Modification modification = app.modify(with(" Renamed ", "New words", false,
                List.of("https://app.example.com/other"), Set.of("LIST", "USER")), 0L);
        assertThat(modification.changes()).containsExactly("Name", "Description", "Active", "Redirect URIs", "APIs Used");
        assertThat(modification.sentBackToReview()).isFalse();
        assertThat(app.getName()).isEqualTo("Renamed");
        assertThat(app.isActive()).isFalse();
        assertThat(app.getRedirectUris()).containsExactly("https://app.example.com/other");
        assertThat(app.getScopes()).containsExactlyInAnyOrder("LIST", "USER");
        assertThat(app.getReviewState()).isEqualTo(ReviewState.NOT_SUBMITTED);
    }

    @Test
    void aFormThatChangesNothingChangesNothing() {
        PartnerApplication app = approvedAndPublic();
        PartnerApplication.Modification modification = app.modify(DETAILS, 0L);
        assertThat(modification.changedAnything()).isFalse();
        assertThat(modification.sentBackToReview()).isFalse();
        assertThat(app.getReviewState()).isEqualTo(ReviewState.APPROVED);
        assertThat(app.getVisibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void aNewNameDescriptionOrActiveNeedsNoNewReview() {
        PartnerApplication app = approvedAndPublic();
        PartnerApplication.Modification modification = app.modify(with("Renamed", "Other words", false,
                DETAILS.redirectUris(), DETAILS.scopes()), 0L);
        assertThat(modification.changes()).containsExactly("Name", "Description", "Active");
        assertThat(modification.sentBackToReview()).isFalse();
        assertThat(app.getReviewState()).isEqualTo(ReviewState.APPROVED);
        assertThat(app.getVisibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void newApisSendAnApprovedApplicationBackToReviewAndMakeItPrivate() {
        PartnerApplication app = approvedAndPublic();
        PartnerApplication.Modification modification = app.modify(with(DETAILS.name(), DETAILS.description(), true,
                DETAILS.redirectUris(), Set.of("LIST", "USER")), 0L);
        assertThat(modification.changes()).containsExactly("APIs Used");
        assertThat(modification.sentBackToReview()).isTrue();
        assertThat(app.getReviewState()).isEqualTo(ReviewState.SUBMITTED);
        assertThat(app.getVisibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void newRedirectUrisSendAnApprovedApplicationBackToReviewAndMakeItPrivate() {
        PartnerApplication app = approvedAndPublic();
        PartnerApplication.Modification modification = app.modify(with(DETAILS.name(), DETAILS.description(), true,
                List.of("https://app.example.com/other"), DETAILS.scopes()), 0L);
        assertThat(modification.changes()).containsExactly("Redirect URIs");
        assertThat(modification.sentBackToReview()).isTrue();
        assertThat(app.getReviewState()).isEqualTo(ReviewState.SUBMITTED);
        assertThat(app.getVisibility()).isEqualTo(Visibility.PRIVATE);
    }

    @ParameterizedTest
    @EnumSource(value = ReviewState.class, names = {"NOT_SUBMITTED", "SUBMITTED", "REJECTED"})
    void newApisOfAnApplicationNotApprovedLeaveItsReviewStateAlone(ReviewState state) {
        PartnerApplication app = in(state);
        PartnerApplication.Modification modification = app.modify(with(DETAILS.name(), DETAILS.description(), true,
                DETAILS.redirectUris(), Set.of("LIST", "USER")), 0L);
        assertThat(modification.sentBackToReview()).isFalse();
        assertThat(app.getReviewState()).isEqualTo(state);
    }

    @Test
    void aFormOfAnotherVersionIsRefusedAndChangesNothing() {
        PartnerApplication app = approvedAndPublic();
        ApplicationDetails renamed = with("Renamed", DETAILS.description(), true, DETAILS.redirectUris(),
                Set.of("USER"));
        assertThatThrownBy(() -> app.modify(renamed, 1L)).isInstanceOf(StaleApplicationException.class);
        assertThatThrownBy(() -> app.modify(renamed, null)).isInstanceOf(StaleApplicationException.class);
        assertThat(app.getName()).isEqualTo("Expense Sync");
        assertThat(app.getScopes()).containsExactly("LIST");
        assertThat(app.getReviewState()).isEqualTo(ReviewState.APPROVED);
        assertThat(app.getVisibility()).isEqualTo(Visibility.PUBLIC);
    }

    // Secrets (docs/product.md section 2)

    private static final Duration DAY = Duration.ofHours(24);

    private static List<String> working(PartnerApplication app, Instant at) {
        return app.secretsWorkingAt(at).stream().map(ApplicationSecret::getDigest).toList();
    }

    /** Ids as the database gives them when the aggregate is saved. */
    private static void saved(PartnerApplication app) {
        long id = 1;
        for (ApplicationSecret secret : app.secretsWorkingAt(Instant.MIN)) {
            ReflectionTestUtils.setField(secret, "id", id++);
        }
    }

    @Test
    void aNewSecretNowEndsTheCurrentOneAtOnce() {
        PartnerApplication app = registered();
        Instant later = NOW.plus(Duration.ofMinutes(5));

        PartnerApplication.Rotation rotation = app.rotateSecret("{sha256}second", later, Duration.ZERO, null, "dev");

        assertThat(rotation.previousWorksUntil()).isNull();
        assertThat(working(app, later)).containsExactly("{sha256}second");
        assertThat(app.getSecretCreatedAt()).isEqualTo(later);
    }

    @Test
    void duringAnOverlapBothSecretsWorkAndAfterItOnlyTheNewOne() {
        PartnerApplication app = registered();

        PartnerApplication.Rotation rotation = app.rotateSecret("{sha256}second", NOW, DAY, null, "dev");

        assertThat(rotation.previousWorksUntil()).isEqualTo(NOW.plus(DAY));
        assertThat(working(app, NOW.plus(DAY).minusSeconds(1))).containsExactly("{sha256}digest", "{sha256}second");
        assertThat(working(app, NOW.plus(DAY))).containsExactly("{sha256}second");
    }

    @Test
    void aThirdSecretDuringAnOverlapEndsTheOldestAtOnceSoAtMostTwoWork() {
        PartnerApplication app = registered();
        app.rotateSecret("{sha256}second", NOW, DAY, null, "dev");
        Instant later = NOW.plus(Duration.ofHours(1));

        app.rotateSecret("{sha256}third", later, DAY, null, "dev");

        assertThat(working(app, later)).containsExactly("{sha256}second", "{sha256}third");
        assertThat(working(app, later.plus(DAY))).containsExactly("{sha256}third");
    }

    @Test
    void anOverlapNeverOutlivesThePreviousSecretsExpiry() {
        PartnerApplication app = new PartnerApplication(7L, "key", "{sha256}digest", NOW.plus(Duration.ofHours(2)),
                NOW, "dev@acme.example");

        PartnerApplication.Rotation rotation = app.rotateSecret("{sha256}second", NOW, DAY, null, "dev");

        assertThat(rotation.previousWorksUntil()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void anExpiredSecretNoLongerWorks() {
        PartnerApplication app = new PartnerApplication(7L, "key", "{sha256}digest", NOW.plus(DAY), NOW,
                "dev@acme.example");
        saved(app);

        assertThat(working(app, NOW.plus(DAY).minusMillis(1))).containsExactly("{sha256}digest");
        assertThat(working(app, NOW.plus(DAY))).isEmpty();
        assertThat(app.secretsAt(NOW.plus(DAY))).singleElement()
                .satisfies(secret -> assertThat(secret.expired()).isTrue());
    }

    @Test
    void revokingThePreviousSecretEndsItsOverlapNow() {
        PartnerApplication app = registered();
        app.rotateSecret("{sha256}second", NOW, DAY, null, "dev");
        saved(app);
        Instant later = NOW.plus(Duration.ofHours(1));

        Instant created = app.revokeSecret(1L, later, "dev");

        assertThat(created).isEqualTo(NOW);
        assertThat(working(app, later)).containsExactly("{sha256}second");
    }

    @Test
    void theCurrentSecretCannotBeRevokedAndAnUnknownOneIsNotFound() {
        PartnerApplication app = registered();
        app.rotateSecret("{sha256}second", NOW, DAY, null, "dev");
        saved(app);

        assertThatThrownBy(() -> app.revokeSecret(2L, NOW, "dev")).isInstanceOf(CurrentSecretException.class);
        assertThatThrownBy(() -> app.revokeSecret(99L, NOW, "dev")).isInstanceOf(NotFoundException.class);
        assertThat(working(app, NOW)).containsExactly("{sha256}digest", "{sha256}second");
    }

    @Test
    void secretsThatStoppedWorkingAreDroppedAtTheNextNewSecret() {
        PartnerApplication app = registered();
        app.rotateSecret("{sha256}second", NOW, Duration.ZERO, null, "dev");
        app.rotateSecret("{sha256}third", NOW.plusSeconds(1), Duration.ZERO, null, "dev");

        assertThat(working(app, Instant.MIN)).containsExactly("{sha256}second", "{sha256}third");
    }

    @Test
    void expiryChoicesCountFromCreation() {
        assertThat(SecretExpiry.NEVER.from(NOW)).isNull();
        assertThat(SecretExpiry.DAYS_90.from(NOW)).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(SecretExpiry.ONE_YEAR.from(NOW)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
