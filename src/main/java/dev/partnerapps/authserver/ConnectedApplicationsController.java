package dev.partnerapps.authserver;

import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.authserver.ConnectedApplications.Connection;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import dev.partnerapps.usage.UsageReports;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Connected applications: the consents a user gave, and revoking them with their grants. */
@Controller
@RequestMapping("/account/connected-applications")
class ConnectedApplicationsController {

    private final ConnectedApplications connected;
    private final UsageReports usage;

    ConnectedApplicationsController(ConnectedApplications connected, UsageReports usage) {
        this.connected = connected;
        this.usage = usage;
    }

    /** The consents the user gave, searchable by application name and paged (docs/lists.md). */
    @GetMapping
    String list(@AuthenticationPrincipal PartnerUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        PageQuery query = PageQuery.of(q, "name", dir, page, Set.of("name"), "name", true);
        ListPage<Connection> connections = connected.of(user.getUsername(), query);
        model.addAttribute("connections", connections);
        model.addAttribute("q", query.search());
        model.addAttribute("lastUsed", usage.consentsLastUsed(user.getUsername(),
                connections.rows().stream().map(Connection::id).toList()));
        return "account/connected-applications";
    }

    @PostMapping("/{key}/revoke")
    String revoke(@AuthenticationPrincipal PartnerUser user, @PathVariable String key, RedirectAttributes redirect) {
        String name = connected.revoke(user.getUsername(), key);
        redirect.addFlashAttribute("flash", "flash.connected.revoked");
        redirect.addFlashAttribute("flashArg", name);
        return "redirect:/account/connected-applications";
    }
}
