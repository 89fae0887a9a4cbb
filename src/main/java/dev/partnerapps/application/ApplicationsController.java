package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.paging.Filters;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import dev.partnerapps.usage.UsageReports;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Application Registration, New / Modify Partner Application and New Secret. */
@Controller
@RequestMapping("/admin/web-services/applications")
class ApplicationsController {

    private static final String LIST = "redirect:/admin/web-services/applications";

    private final OwnApplications own;
    private final ApplicationRegistration registration;
    private final ApplicationChanges changes;
    private final SecretRotation rotation;
    private final ApplicationFormValidator validator;
    private final ApiCatalog catalog;
    private final ExpiringSecrets expiring;
    private final UsageReports usage;

    ApplicationsController(OwnApplications own, ApplicationRegistration registration, ApplicationChanges changes,
            SecretRotation rotation, ApplicationFormValidator validator, ApiCatalog catalog, ExpiringSecrets expiring,
            UsageReports usage) {
        this.own = own;
        this.registration = registration;
        this.changes = changes;
        this.rotation = rotation;
        this.validator = validator;
        this.catalog = catalog;
        this.expiring = expiring;
        this.usage = usage;
    }

    /** Only the form's own fields: a forged Visibility, owner or id is never bound. */
    @InitBinder("form")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "description", "active", "redirectUris", "scopes", "version", "secretExpiry");
    }

    @ModelAttribute("catalog")
    ApiCatalog catalog() {
        return catalog;
    }

    /** The New Partner Application form's choice of when the first Secret expires. */
    @ModelAttribute("secretExpiries")
    SecretExpiry[] secretExpiries() {
        return SecretExpiry.values();
    }

    /** Searchable by name, filtered by Active, Visibility and Review, sorted and paged on the server. */
    @GetMapping
    String list(@AuthenticationPrincipal PartnerUser developer, @RequestParam(required = false) String q,
            @RequestParam(required = false) String active, @RequestParam(required = false) String visibility,
            @RequestParam(required = false) String review, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        PageQuery query = PageQuery.of(q, sort, dir, page, ApplicationSearch.SORT_NAMES, "name", true);
        ListPage<ApplicationRow> applications = own.list(developer, Filters.yesNo(active),
                Filters.oneOf(Visibility.class, visibility), Filters.oneOf(ReviewState.class, review), query);
        model.addAttribute("applications", applications);
        List<Long> ids = applications.rows().stream().map(ApplicationRow::id).toList();
        model.addAttribute("expiringSecrets", expiring.amongst(ids));
        model.addAttribute("lastUsed", usage.applicationsLastUsed(ids));
        model.addAttribute("filter", new ListFilter(query.search(), Filters.yesNo(active),
                Filters.oneOf(Visibility.class, visibility), Filters.oneOf(ReviewState.class, review)));
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("reviewStates", ReviewState.values());
        return "admin/applications/list";
    }

    /** The filter as the form shows it again. */
    record ListFilter(String q, Boolean active, Visibility visibility, ReviewState review) {
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new ApplicationForm());
        return "admin/applications/form";
    }

    @PostMapping
    String register(@AuthenticationPrincipal PartnerUser developer, @Valid @ModelAttribute("form") ApplicationForm form,
            BindingResult result, Model model) {
        // Refused before any field is judged: the form's checks look up names in the caller's company.
        OwnApplications.requireDeveloper(developer);
        validator.validate(form, result, ApplicationFormValidator.Target.newApplication(developer.getCompanyId()));
        if (result.hasErrors()) {
            return "admin/applications/form";
        }
        try {
            model.addAttribute("credentials", registration.register(developer, form.details(), form.getSecretExpiry()));
        } catch (NameTakenException e) {
            result.rejectValue("name", "validation.application.name.taken");
            return "admin/applications/form";
        }
        model.addAttribute("registered", true);
        return "admin/applications/credentials";
    }

    @GetMapping("/{key}")
    String modifyForm(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key, Model model) {
        ApplicationView app = own.get(developer, key);
        model.addAttribute("form", ApplicationForm.of(app));
        return showModifyForm(developer, app, model);
    }

    @PostMapping("/{key}")
    String modify(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key,
            @Valid @ModelAttribute("form") ApplicationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        ApplicationView app = own.get(developer, key);
        validator.validate(form, result, ApplicationFormValidator.Target.existing(app));
        if (result.hasErrors()) {
            return showModifyForm(developer, app, model);
        }
        try {
            changes.modify(developer, key, form.details(), form.getVersion());
        } catch (StaleApplicationException e) {
            result.reject("validation.application.stale");
            return showModifyForm(developer, own.get(developer, key), model);
        } catch (NameTakenException e) {
            result.rejectValue("name", "validation.application.name.taken");
            return showModifyForm(developer, own.get(developer, key), model);
        }
        redirect.addFlashAttribute("flash", "flash.application.saved");
        redirect.addFlashAttribute("flashArg", form.getName());
        return LIST;
    }

    private String showModifyForm(PartnerUser developer, ApplicationView app, Model model) {
        model.addAttribute("app", app);
        List<SecretView> secrets = own.secrets(developer, app.key());
        model.addAttribute("secrets", secrets);
        model.addAttribute("secretsLastUsed", usage.secretsLastUsed(secrets.stream().map(SecretView::id).toList()));
        model.addAttribute("canSubmit", PartnerApplication.canBeSubmittedFrom(app.reviewState()));
        return "admin/applications/form";
    }

    @PostMapping("/{key}/submit")
    String submitForReview(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key,
            RedirectAttributes redirect) {
        String name = own.get(developer, key).name();
        try {
            changes.submitForReview(developer, key);
            redirect.addFlashAttribute("flash", "flash.application.submitted");
        } catch (RefusedTransitionException e) {
            redirect.addFlashAttribute("flashError", "flash.application.notSubmittable");
        }
        redirect.addFlashAttribute("flashArg", name);
        return "redirect:/admin/web-services/applications/" + key;
    }

    @GetMapping("/{key}/new-secret")
    String confirmNewSecret(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key, Model model) {
        model.addAttribute("app", own.get(developer, key));
        model.addAttribute("overlaps", SecretOverlap.values());
        model.addAttribute("expiries", SecretExpiry.values());
        return "admin/applications/new-secret";
    }

    /** Without choices the defaults: the current Secret stops now (as before), the new one never expires. */
    @PostMapping("/{key}/new-secret")
    String newSecret(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key,
            @RequestParam(defaultValue = "NOW") SecretOverlap overlap,
            @RequestParam(defaultValue = "NEVER") SecretExpiry expiry, Model model) {
        model.addAttribute("credentials", rotation.newSecret(developer, key, overlap, expiry));
        model.addAttribute("registered", false);
        return "admin/applications/credentials";
    }

    /** Revoke a previous Secret before its overlap ends (the page asks first: data-confirm). */
    @PostMapping("/{key}/secrets/{secretId}/revoke")
    String revokeSecret(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key,
            @PathVariable long secretId, RedirectAttributes redirect) {
        String name = own.get(developer, key).name();
        try {
            rotation.revoke(developer, key, secretId);
            redirect.addFlashAttribute("flash", "flash.secret.revoked");
        } catch (CurrentSecretException e) {
            redirect.addFlashAttribute("flashError", "flash.secret.notRevocable");
        }
        redirect.addFlashAttribute("flashArg", name);
        return "redirect:/admin/web-services/applications/" + key;
    }
}
