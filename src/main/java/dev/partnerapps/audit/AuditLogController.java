package dev.partnerapps.audit;

import dev.partnerapps.company.PartnerUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Audit Log page: newest first, filtered by application name and action. */
@Controller
@RequestMapping("/admin/web-services/audit")
class AuditLogController {

    private final AuditLog log;

    AuditLogController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    String show(@AuthenticationPrincipal PartnerUser reader,
            @RequestParam(required = false) String application,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") String page, Model model) {
        AuditAction chosen = parseAction(action);
        int pageNumber = parsePage(page);
        model.addAttribute("result", log.read(reader, new AuditLog.Filter(application, chosen, pageNumber)));
        model.addAttribute("application", application == null ? "" : application);
        model.addAttribute("action", chosen);
        model.addAttribute("actions", AuditAction.values());
        return "admin/audit";
    }

    /** Unknown filter values are ignored rather than refused: a hand-edited URL still shows the log. */
    private static AuditAction parseAction(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int parsePage(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page), 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
