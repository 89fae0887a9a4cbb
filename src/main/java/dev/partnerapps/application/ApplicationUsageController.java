package dev.partnerapps.application;

import dev.partnerapps.company.CompanyDirectory;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.usage.UsageChart;
import dev.partnerapps.usage.UsageReports;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The owner's Usage page of an application: every company's use over 30 days. Looked up like
 * Modify, by the caller's company and the Key, so another company's application is not found.
 */
@Controller
class ApplicationUsageController {

    private final OwnApplications own;
    private final UsageReports reports;
    private final CompanyDirectory companies;

    ApplicationUsageController(OwnApplications own, UsageReports reports, CompanyDirectory companies) {
        this.own = own;
        this.reports = reports;
        this.companies = companies;
    }

    @GetMapping("/admin/web-services/applications/{key}/usage")
    String usage(@AuthenticationPrincipal PartnerUser developer, @PathVariable String key, Model model) {
        ApplicationView app = own.get(developer, key);
        UsageChart usage = reports.application(app.id());
        model.addAttribute("app", app);
        model.addAttribute("usage", usage);
        model.addAttribute("companyNames", companyNames(usage, companies));
        return "admin/applications/usage";
    }

    /** The names of the companies the chart breaks tokens down by. */
    static Map<Long, String> companyNames(UsageChart usage, CompanyDirectory companies) {
        return companies.findAll(usage.issuedByCompany().stream().map(UsageChart.CompanyLine::companyId).toList())
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name()));
    }
}
