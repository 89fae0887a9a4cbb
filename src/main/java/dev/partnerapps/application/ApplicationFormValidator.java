package dev.partnerapps.application;

import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;

/**
 * The rules of the New / Modify Partner Application form beyond its annotations
 * (docs/product.md section 2): the APIs Used and what they require, the redirect URIs, and —
 * given the {@link Target} as a validation hint — that the form is of the current version and
 * its name is free in the company. Every error goes on the field it is about, so the page shows
 * them all at once and keeps what was typed.
 */
@Component
class ApplicationFormValidator implements SmartValidator {

    /** The company the application belongs to and, for the Modify form, the application as it is now. */
    record Target(long companyId, ApplicationView current) {

        static Target newApplication(long companyId) {
            return new Target(companyId, null);
        }

        static Target existing(ApplicationView current) {
            return new Target(current.ownerCompanyId(), current);
        }
    }

    private final PartnerApplicationRepository applications;
    private final ApiCatalog catalog;

    ApplicationFormValidator(PartnerApplicationRepository applications, ApiCatalog catalog) {
        this.applications = applications;
        this.catalog = catalog;
    }

    @Override
    public boolean supports(Class<?> type) {
        return ApplicationForm.class.isAssignableFrom(type);
    }

    /** The rules of the form's own content only: APIs Used and redirect URIs. */
    @Override
    public void validate(Object target, Errors errors) {
        validate(target, errors, new Object[0]);
    }

    @Override
    public void validate(Object target, Errors errors, Object... validationHints) {
        ApplicationForm form = (ApplicationForm) target;
        Target saving = null;
        for (Object hint : validationHints) {
            if (hint instanceof Target given) {
                saving = given;
            }
        }
        if (saving != null && saving.current() != null
                && !Objects.equals(form.getVersion(), saving.current().version())) {
            // Someone else saved meanwhile: judging the fields against a page the user never saw
            // would only confuse; the form is shown again with that one message.
            errors.reject("validation.application.stale");
            return;
        }
        if (saving != null) {
            checkNameIsFree(saving, form, errors);
        }
        checkScopes(form.getScopes(), errors);
        RedirectUris.check(form.getRedirectUris()).problems().forEach(problem ->
                errors.rejectValue("redirectUris", "validation.application.redirectUri", new Object[] {problem}, problem));
    }

    private void checkNameIsFree(Target saving, ApplicationForm form, Errors errors) {
        if (errors.hasFieldErrors("name") || form.getName().isBlank()) {
            return;
        }
        String nameKey = PartnerApplication.nameKey(form.getName());
        boolean taken = saving.current() == null
                ? applications.existsByOwnerCompanyIdAndNameKey(saving.companyId(), nameKey)
                : applications.existsByOwnerCompanyIdAndNameKeyAndIdNot(saving.companyId(), nameKey,
                        saving.current().id());
        if (taken) {
            errors.rejectValue("name", "validation.application.name.taken");
        }
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
}
