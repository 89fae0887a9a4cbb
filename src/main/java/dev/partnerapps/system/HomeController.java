package dev.partnerapps.system;

import dev.partnerapps.application.ApplicationsNeedingAttention;
import dev.partnerapps.application.ExpiringSecrets;
import dev.partnerapps.application.ExpiringSecrets;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.enablement.RecentlyEnabled;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final ApplicationsNeedingAttention attention;
    private final RecentlyEnabled recentlyEnabled;
    private final ExpiringSecrets expiring;

    HomeController(ApplicationsNeedingAttention attention, RecentlyEnabled recentlyEnabled, ExpiringSecrets expiring) {
        this.attention = attention;
        this.recentlyEnabled = recentlyEnabled;
        this.expiring = expiring;
    }

    /** What needs each role's attention, a few rows each, linking to the full lists (docs/console.md). */
    @GetMapping("/")
    String home(@AuthenticationPrincipal PartnerUser user, Model model) {
        model.addAttribute("waiting", attention.waitingForReview(user));
        model.addAttribute("ownInReview", attention.rejectedOrWaiting(user));
        model.addAttribute("recentlyEnabled", recentlyEnabled.of(user));
        model.addAttribute("expiring", expiring.of(user));
        return "home";
    }

    /** The Web Services hub; each link is shown only to the roles that may use it. */
    @GetMapping("/admin/web-services")
    String webServices() {
        return "admin/web-services";
    }
}
