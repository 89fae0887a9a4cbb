package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.errors.NotAllowedException;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Registering and modifying a company's partner applications (docs/product.md section 2).
 * Every lookup is by the caller's company and the Key, so another company's application is
 * simply not found.
 */
@Service
class ApplicationRegistration {

    /** Changes that alter what an approved application asks of other companies: they need a new review. */
    static final Set<String> REVIEWED_FIELDS = Set.of("APIs Used", "Redirect URIs");

    private final PartnerApplicationRepository applications;
    private final ApiCatalog catalog;
    private final ClientSecrets secrets;
    private final ApplicationViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApplicationSearch search;

    ApplicationRegistration(PartnerApplicationRepository applications, ApiCatalog catalog, ClientSecrets secrets,
            ApplicationViews views, ApplicationEventPublisher events, Clock clock, ApplicationSearch search) {
        this.applications = applications;
        this.search = search;
        this.catalog = catalog;
        this.secrets = secrets;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ListPage<ApplicationRow> list(PartnerUser developer, Boolean active, Visibility visibility, ReviewState review,
            PageQuery query) {
        requireDeveloper(developer);
        return search.find(new ApplicationSearch.Filter(developer.getCompanyId(), active, visibility, review, false),
                query);
    }

    @Transactional(readOnly = true)
    ApplicationView get(PartnerUser developer, String key) {
        return views.view(find(developer, key));
    }

    /**
     * Registers the application and returns its Key and Secret, or nothing when {@code errors}
     * got a message (then nothing was saved).
     */
    @Transactional
    Optional<IssuedCredentials> register(PartnerUser developer, ApplicationForm form, Errors errors) {
        requireDeveloper(developer);
        List<String> redirectUris = checkFields(developer.getCompanyId(), null, form, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        String key = newUniqueKey();
        String secret = secrets.newSecret();
        PartnerApplication app = new PartnerApplication(developer.getCompanyId(), key, secrets.hash(secret), now,
                developer.getEmail());
        app.describe(form.getName(), form.getDescription(), form.isActive(), redirectUris, form.getScopes());
        applications.saveAndFlush(app);
        events.publishEvent(new ApplicationRegistered(app.getId(), app.getOwnerCompanyId(), app.getName(),
                developer.asActor()));
        return Optional.of(new IssuedCredentials(app.getName(), developer.getCompany().domain(), key, secret));
    }

    /** Saves the Modify form; false when {@code errors} got a message (then nothing changed). */
    @Transactional
    boolean modify(PartnerUser developer, String key, ApplicationForm form, Errors errors) {
        PartnerApplication app = find(developer, key);
        if (!Objects.equals(form.getVersion(), app.getVersion())) {
            errors.reject("validation.application.stale");
            return false;
        }
        List<String> redirectUris = checkFields(developer.getCompanyId(), app.getId(), form, errors);
        if (errors.hasErrors()) {
            return false;
        }
        List<String> changes = changes(app, form, redirectUris);
        if (changes.isEmpty()) {
            return true;
        }
        app.describe(form.getName(), form.getDescription(), form.isActive(), redirectUris, form.getScopes());
        // Other companies must never silently receive new scopes or redirect targets: an approved
        // application that changes them goes back to review and is Private until approved again.
        boolean sentBackToReview = app.getReviewState() == ReviewState.APPROVED
                && changes.stream().anyMatch(REVIEWED_FIELDS::contains);
        if (sentBackToReview) {
            app.submitForReview();
            app.changeVisibility(Visibility.PRIVATE);
        }
        app.touched(Instant.now(clock), developer.getEmail());
        applications.saveAndFlush(app);
        events.publishEvent(new ApplicationModified(app.getId(), app.getOwnerCompanyId(), app.getName(),
                developer.asActor(), changes, app.isActive(), sentBackToReview));
        return true;
    }

    /** Submit for Review: allowed before the first review and after a rejection. */
    @Transactional
    boolean submitForReview(PartnerUser developer, String key) {
        PartnerApplication app = find(developer, key);
        if (!canSubmit(app.getReviewState())) {
            return false;
        }
        app.submitForReview();
        app.touched(Instant.now(clock), developer.getEmail());
        applications.saveAndFlush(app);
        events.publishEvent(new ApplicationSubmitted(app.getId(), app.getOwnerCompanyId(), app.getName(),
                developer.asActor()));
        return true;
    }

    static boolean canSubmit(ReviewState state) {
        return state == ReviewState.NOT_SUBMITTED || state == ReviewState.REJECTED;
    }

    /** New Secret: the old one stops verifying when this commits. */
    @Transactional
    IssuedCredentials newSecret(PartnerUser developer, String key) {
        PartnerApplication app = find(developer, key);
        String secret = secrets.newSecret();
        Instant now = Instant.now(clock);
        app.replaceSecret(secrets.hash(secret), now);
        app.touched(now, developer.getEmail());
        applications.saveAndFlush(app);
        events.publishEvent(new SecretRotated(app.getId(), app.getOwnerCompanyId(), app.getName(),
                developer.asActor()));
        return new IssuedCredentials(app.getName(), developer.getCompany().domain(), app.getKey(), secret);
    }

    private List<String> checkFields(long companyId, Long applicationId, ApplicationForm form, Errors errors) {
        if (!errors.hasFieldErrors("name") && !form.getName().isBlank()) {
            String nameKey = PartnerApplication.nameKey(form.getName());
            boolean taken = applicationId == null
                    ? applications.existsByOwnerCompanyIdAndNameKey(companyId, nameKey)
                    : applications.existsByOwnerCompanyIdAndNameKeyAndIdNot(companyId, nameKey, applicationId);
            if (taken) {
                errors.rejectValue("name", "validation.application.name.taken");
            }
        }
        checkScopes(form.getScopes(), errors);
        RedirectUris.Checked redirects = RedirectUris.check(form.getRedirectUris());
        redirects.problems().forEach(problem ->
                errors.rejectValue("redirectUris", "validation.application.redirectUri", new Object[] {problem}, problem));
        return redirects.uris();
    }

    private void checkScopes(Set<String> scopes, Errors errors) {
        if (scopes.isEmpty()) {
            errors.rejectValue("scopes", "validation.application.scopes.required");
            return;
        }
        for (String scope : scopes) {
            if (!catalog.isKnownScope(scope)) {
                errors.rejectValue("scopes", "validation.application.scopes.unknown");
                return;
            }
        }
        for (String scope : catalog.inCatalogOrder(scopes)) {
            catalog.apiOfGroup(scope).filter(api -> !scopes.contains(api.code())).ifPresent(api ->
                    errors.rejectValue("scopes", "validation.application.scopes.groupWithoutApi",
                            new Object[] {catalog.nameOf(scope), api.name()}, null));
            catalog.api(scope).filter(api -> api.requiresCode() != null && !scopes.contains(api.requiresCode()))
                    .ifPresent(api -> errors.rejectValue("scopes", "validation.application.scopes.requires",
                            new Object[] {api.name(), catalog.nameOf(api.requiresCode())}, null));
        }
    }

    private List<String> changes(PartnerApplication app, ApplicationForm form, List<String> redirectUris) {
        List<String> changes = new ArrayList<>();
        if (!app.getName().equals(form.getName().strip())) {
            changes.add("Name");
        }
        if (!app.getDescription().equals(form.getDescription())) {
            changes.add("Description");
        }
        if (app.isActive() != form.isActive()) {
            changes.add("Active");
        }
        if (!app.getRedirectUris().equals(redirectUris)) {
            changes.add("Redirect URIs");
        }
        if (!app.getScopes().equals(new HashSet<>(form.getScopes()))) {
            changes.add("APIs Used");
        }
        return changes;
    }

    private String newUniqueKey() {
        String key = secrets.newKey();
        while (applications.existsByKey(key)) {
            key = secrets.newKey();
        }
        return key;
    }

    private PartnerApplication find(PartnerUser developer, String key) {
        requireDeveloper(developer);
        return applications.findByKeyAndOwnerCompanyId(key, developer.getCompanyId())
                .orElseThrow(() -> new NotFoundException("Application " + key));
    }

    private static void requireDeveloper(PartnerUser user) {
        if (!user.isPartnerDeveloper()) {
            throw new NotAllowedException("Only administrators of Development Partners register applications");
        }
    }
}
