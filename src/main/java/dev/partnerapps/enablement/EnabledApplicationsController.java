package dev.partnerapps.enablement;

import dev.partnerapps.application.ApiCatalog;
import dev.partnerapps.application.ApplicationView;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.paging.CurrentUrl;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.ListReturn;
import dev.partnerapps.paging.PageQuery;
import dev.partnerapps.usage.UsageReports;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Enable Applications: an administrator switches applications on or off for their company. */
@Controller
@RequestMapping("/admin/web-services/enabled-applications")
class EnabledApplicationsController {

    private static final String PATH = "/admin/web-services/enabled-applications";

    private final Enablements enablements;
    private final ApiCatalog catalog;
    private final UsageReports usage;

    EnabledApplicationsController(Enablements enablements, ApiCatalog catalog, UsageReports usage) {
        this.enablements = enablements;
        this.catalog = catalog;
        this.usage = usage;
    }

    /** Searchable by application or publisher, filtered by status, own applications first, paged. */
    @GetMapping
    String list(@AuthenticationPrincipal PartnerUser admin, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        PageQuery query = PageQuery.of(q, sort, dir, page, EnabledApplicationsSearch.SORT_NAMES, "name", true);
        Boolean enabled = "enabled".equals(status) ? Boolean.TRUE : "disabled".equals(status) ? Boolean.FALSE : null;
        ListPage<EnabledApplication> rows = enablements.list(admin, enabled, query);
        model.addAttribute("rows", rows);
        model.addAttribute("lastUsed", usage.enablementsLastUsed(admin.getCompanyId(),
                rows.rows().stream().map(EnabledApplication::id).toList()));
        model.addAttribute("q", query.search());
        model.addAttribute("status", enabled == null ? "" : status);
        model.addAttribute("catalog", catalog);
        model.addAttribute("here", CurrentUrl.with());
        return "admin/enabled-applications";
    }

    /** The administrator's own company's use of one application, never other companies'. */
    @GetMapping("/{key}/usage")
    String usage(@AuthenticationPrincipal PartnerUser admin, @PathVariable String key, Model model) {
        ApplicationView app = enablements.usable(admin, key);
        model.addAttribute("app", app);
        model.addAttribute("usage", usage.enablement(app.id(), admin.getCompanyId()));
        return "admin/enabled-application-usage";
    }

    @PostMapping("/{key}/enable")
    String enable(@AuthenticationPrincipal PartnerUser admin, @PathVariable String key,
            @RequestParam(name = "list", required = false) String list, RedirectAttributes redirect) {
        set(admin, key, true, "flash.enable.enabled", redirect);
        return "redirect:" + ListReturn.to(PATH, list);
    }

    @PostMapping("/{key}/disable")
    String disable(@AuthenticationPrincipal PartnerUser admin, @PathVariable String key,
            @RequestParam(name = "list", required = false) String list, RedirectAttributes redirect) {
        set(admin, key, false, "flash.enable.disabled", redirect);
        return "redirect:" + ListReturn.to(PATH, list);
    }

    private void set(PartnerUser admin, String key, boolean enabled, String message, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("flashArg", enablements.set(admin, key, enabled));
            redirect.addFlashAttribute("flash", message);
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            // A double click, or another administrator at the same moment: show what is stored now.
            redirect.addFlashAttribute("flashError", "flash.enable.concurrent");
        }
    }
}
