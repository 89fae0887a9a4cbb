package dev.partnerapps.audit;

import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.paging.CurrentUrl;
import dev.partnerapps.paging.Filters;
import dev.partnerapps.paging.PageQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Audit Log page: newest first, filtered by application, action, actor, company (staff) and
 * date range, paged by keyset with Newer/Older links that keep the filter (docs/lists.md).
 */
@Controller
@RequestMapping("/admin/web-services/audit")
class AuditLogController {

    private final AuditLog log;

    AuditLogController(AuditLog log) {
        this.log = log;
    }

    /**
     * The filter as the form shows it again. Not called "application": Thymeleaf reserves that
     * name in the model, which once put an object's toString() into the filter box.
     */
    record Form(String application, String action, String actor, String company, String from, String to) {
    }

    @GetMapping
    String show(@AuthenticationPrincipal PartnerUser reader,
            @RequestParam(required = false) String application,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String company,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String after, Model model) {
        AuditAction chosen = Filters.oneOf(AuditAction.class, action);
        LocalDate fromDate = parseDate(from);
        LocalDate toDate = parseDate(to);
        String companyText = reader.isPlatformStaff() ? text(company) : "";
        AuditLog.Result result = log.read(reader, new AuditLog.Filter(text(application), chosen, text(actor),
                companyText, fromDate, toDate, parseId(before), parseId(after)));
        model.addAttribute("result", result);
        model.addAttribute("auditFilter", new Form(text(application), chosen == null ? "" : chosen.name(), text(actor),
                companyText, fromDate == null ? "" : fromDate.toString(), toDate == null ? "" : toDate.toString()));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("olderHref", result.olderThan() == null ? null
                : CurrentUrl.with("before", String.valueOf(result.olderThan()), "after", null));
        model.addAttribute("newerHref", result.newerThan() == null ? null
                : CurrentUrl.with("after", String.valueOf(result.newerThan()), "before", null));
        // Also on an empty page reached by a cursor (a hand-edited id), so there is a way back.
        boolean cursored = parseId(before) != null || parseId(after) != null;
        model.addAttribute("newestHref", result.newerThan() == null && !cursored ? null
                : CurrentUrl.with("after", null, "before", null));
        return "admin/audit";
    }

    private static String text(String value) {
        return PageQuery.text(value);
    }

    /** Unknown filter values are ignored rather than refused: a hand-edited URL still shows the log. */
    private static LocalDate parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            return date.getYear() < 1970 || date.getYear() > 9999 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
