package dev.partnerapps.company;

import dev.partnerapps.paging.CurrentUrl;
import dev.partnerapps.paging.Filters;
import dev.partnerapps.paging.ListReturn;
import dev.partnerapps.paging.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in Locks, for Platform Staff (docs/throttling.md): which accounts and client addresses
 * are locked after failed sign-ins, and clearing a lock early (audited).
 */
@Controller
@RequestMapping("/admin/web-services/sign-in-locks")
class SignInLocksController {

    private static final String PATH = "/admin/web-services/sign-in-locks";

    private final SignInThrottle throttle;
    private final Clock clock;

    SignInLocksController(SignInThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    @GetMapping
    String list(HttpServletRequest request, Model model) {
        PageQuery query = PageQuery.of(request.getParameter("q"), null, null, request.getParameter("page"), Set.of(),
                "recent", false);
        boolean all = "recent".equals(request.getParameter("show"));
        model.addAttribute("locks", throttle.find(query, all));
        model.addAttribute("now", clock.instant());
        model.addAttribute("q", query.search());
        model.addAttribute("show", all ? "recent" : "");
        model.addAttribute("here", CurrentUrl.with());
        return "admin/sign-in-locks";
    }

    @PostMapping("/clear")
    String clear(@AuthenticationPrincipal PartnerUser staff, @RequestParam String kind, @RequestParam String subject,
            @RequestParam(name = "list", required = false) String list, RedirectAttributes redirect) {
        SignInThrottle.Kind which = Filters.oneOf(SignInThrottle.Kind.class, kind);
        boolean cleared = which != null && throttle.clear(staff.asActor(), which, subject);
        redirect.addFlashAttribute(cleared ? "flash" : "flashError",
                cleared ? "flash.signInLock.cleared" : "flash.signInLock.gone");
        redirect.addFlashAttribute("flashArg", subject);
        return "redirect:" + ListReturn.to(PATH, list);
    }
}
