package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.paging.Filters;
import dev.partnerapps.paging.PageQuery;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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

    private final ApplicationRegistration registration;
    private final ApiCatalog catalog;

    ApplicationsController(ApplicationRegistration registration, ApiCatalog catalog) {
        this.registration = registration;
        this.catalog = catalog;
    }

    /** Only the form's own fields: a forged Visibility, owner or id is never bound. */
    @InitBinder("form")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "description", "active", "redirectUris", "scopes", "version");
    }

    @ModelAttribute("catalog")
    ApiCatalog catalog() {
        return catalog;
    }

    /** Searchable by name, filtered by Active, Visibility and Review, sorted and paged on the server. */
    @GetMapping
    String list(@AuthenticationPrincipal PartnerUser developer, @RequestParam(required = false) String q,
            @RequestParam(required = false) String active, @RequestParam(required = false) String visibility,
            @RequestParam(required = false) String review, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        PageQuery query = PageQuery.of(q, sort, dir, page, ApplicationSearch.SORT_NAMES, "name", true);
        model.addAttribute("applications", registration.list(developer, Filters.yesNo(active),
                Filters.oneOf(Visibility.class, visibility), Filters.oneOf(ReviewState.class, review), query));
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
        Optional<IssuedCredentials> issued;
        try {
            issued = registration.register(developer, form, result);
        } catch (DataIntegrityViolationException e) {
            // The same name was registered by someone else between our check and our insert.
            result.rejectValue("name", "validation.application.name.taken");
            issued = Optional.empty();
        }
        if (issued.isEmpty()) {
            return "admin/applications/form";
        }
        model.addAttribute("credentials", issued.get());
        model.addAttribute("registered", true);
        return "admin/applications/credentials";
    }

    @GetMapping("/{key}")
    String modifyForm(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key, Model model) {
        ApplicationView app = registration.get(developer, key);
        model.addAttribute("form", ApplicationForm.of(app));
        model.addAttribute("app", app);
        model.addAttribute("canSubmit", ApplicationRegistration.canSubmit(app.reviewState()));
        return "admin/applications/form";
    }

    @PostMapping("/{key}")
    String modify(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key,
            @Valid @ModelAttribute("form") ApplicationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        boolean saved;
        try {
            saved = registration.modify(developer, key, form, result);
        } catch (ObjectOptimisticLockingFailureException e) {
            result.reject("validation.application.stale");
            saved = false;
        } catch (DataIntegrityViolationException e) {
            result.rejectValue("name", "validation.application.name.taken");
            saved = false;
        }
        if (!saved) {
            ApplicationView app = registration.get(developer, key);
            model.addAttribute("app", app);
            model.addAttribute("canSubmit", ApplicationRegistration.canSubmit(app.reviewState()));
            return "admin/applications/form";
        }
        redirect.addFlashAttribute("flash", "flash.application.saved");
        redirect.addFlashAttribute("flashArg", form.getName());
        return LIST;
    }

    @PostMapping("/{key}/submit")
    String submitForReview(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key,
            RedirectAttributes redirect) {
        String name = registration.get(developer, key).name();
        boolean submitted = registration.submitForReview(developer, key);
        redirect.addFlashAttribute(submitted ? "flash" : "flashError",
                submitted ? "flash.application.submitted" : "flash.application.notSubmittable");
        redirect.addFlashAttribute("flashArg", name);
        return "redirect:/admin/web-services/applications/" + key;
    }

    @GetMapping("/{key}/new-secret")
    String confirmNewSecret(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key, Model model) {
        model.addAttribute("app", registration.get(developer, key));
        return "admin/applications/new-secret";
    }

    @PostMapping("/{key}/new-secret")
    String newSecret(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key, Model model) {
        model.addAttribute("credentials", registration.newSecret(developer, key));
        model.addAttribute("registered", false);
        return "admin/applications/credentials";
    }
}
