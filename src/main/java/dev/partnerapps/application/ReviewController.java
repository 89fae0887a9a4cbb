package dev.partnerapps.application;

import dev.partnerapps.company.CompanyDirectory;
import dev.partnerapps.company.CompanyInfo;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.paging.Filters;
import dev.partnerapps.paging.PageQuery;
import dev.partnerapps.usage.UsageChart;
import dev.partnerapps.usage.UsageReports;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Review Partner Applications, for Platform Staff. */
@Controller
@RequestMapping("/admin/web-services/reviews")
class ReviewController {

    static final int MAX_COMMENT = 1000;

    private final ApplicationReview review;
    private final CompanyDirectory companies;
    private final ApiCatalog catalog;
    private final UsageReports reports;

    ReviewController(ApplicationReview review, CompanyDirectory companies, ApiCatalog catalog, UsageReports reports) {
        this.review = review;
        this.companies = companies;
        this.catalog = catalog;
        this.reports = reports;
    }

    /** The queue first (longest waiting first), then every application: searchable, filtered, paged. */
    @GetMapping
    String list(@AuthenticationPrincipal PartnerUser staff, @RequestParam(required = false) String q,
            @RequestParam(required = false) String active, @RequestParam(name = "visibility", required = false) String shown,
            @RequestParam(name = "review", required = false) String state, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        PageQuery query = PageQuery.of(q, sort, dir, page, ApplicationSearch.SORT_NAMES, "name", true);
        Visibility visibility = Filters.oneOf(Visibility.class, shown);
        ReviewState reviewState = Filters.oneOf(ReviewState.class, state);
        model.addAttribute("queue", review.queue(staff));
        model.addAttribute("all", review.all(staff, Filters.yesNo(active), visibility, reviewState, query));
        model.addAttribute("filter", new ApplicationsController.ListFilter(query.search(), Filters.yesNo(active),
                visibility, reviewState));
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("reviewStates", ReviewState.values());
        return "admin/reviews/list";
    }

    @GetMapping("/{key}")
    String show(@AuthenticationPrincipal PartnerUser staff, @PathVariable String key, Model model) {
        ApplicationView app = review.get(staff, key);
        model.addAttribute("app", app);
        model.addAttribute("publisher", companies.find(app.ownerCompanyId()).map(CompanyInfo::name).orElse(""));
        model.addAttribute("catalog", catalog);
        // Staff see every company's use, as the owner does.
        UsageChart usage = reports.application(app.id());
        model.addAttribute("usage", usage);
        model.addAttribute("companyNames", ApplicationUsageController.companyNames(usage, companies));
        return "admin/reviews/show";
    }

    @PostMapping("/{key}/approve")
    String approve(@AuthenticationPrincipal PartnerUser staff, @PathVariable String key,
            @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        if (comment.length() > MAX_COMMENT) {
            return refused(redirect, key, "flash.review.commentTooLong");
        }
        return decided(redirect, key, () -> review.approve(staff, key, comment), "flash.review.approved");
    }

    @PostMapping("/{key}/reject")
    String reject(@AuthenticationPrincipal PartnerUser staff, @PathVariable String key,
            @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        if (comment.isBlank()) {
            return refused(redirect, key, "flash.review.commentRequired");
        }
        if (comment.length() > MAX_COMMENT) {
            return refused(redirect, key, "flash.review.commentTooLong");
        }
        return decided(redirect, key, () -> review.reject(staff, key, comment), "flash.review.rejected");
    }

    @PostMapping("/{key}/visibility")
    String visibility(@AuthenticationPrincipal PartnerUser staff, @PathVariable String key,
            @RequestParam Visibility visibility, RedirectAttributes redirect) {
        return decided(redirect, key, () -> review.changeVisibility(staff, key, visibility),
                visibility == Visibility.PUBLIC ? "flash.review.public" : "flash.review.private");
    }

    /** Runs a staff decision; a step the application's state does not allow comes back as a flash error. */
    private static String decided(RedirectAttributes redirect, String key, Runnable decision, String doneKey) {
        try {
            decision.run();
        } catch (RefusedTransitionException e) {
            return refused(redirect, key, switch (e.reason()) {
                case NOT_SUBMITTED, NOT_SUBMITTABLE -> "flash.review.notSubmitted";
                case NOT_APPROVED -> "flash.review.notApproved";
            });
        }
        redirect.addFlashAttribute("flash", doneKey);
        return "redirect:/admin/web-services/reviews/" + key;
    }

    private static String refused(RedirectAttributes redirect, String key, String messageKey) {
        redirect.addFlashAttribute("flashError", messageKey);
        return "redirect:/admin/web-services/reviews/" + key;
    }
}
