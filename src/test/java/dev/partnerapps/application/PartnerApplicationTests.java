package dev.partnerapps.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The review and Visibility rules of docs/product.md section 3, on the aggregate alone. */
class PartnerApplicationTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ApplicationDetails DETAILS = new ApplicationDetails("Expense Sync", "Syncs expenses", true,
            List.of("https://app.example.com/callback"), Set.of("LIST"));

    private static PartnerApplication registered() {
        PartnerApplication app = new PartnerApplication(7L, "key", "{sha256}digest", NOW, "dev@acme.example");
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
}
