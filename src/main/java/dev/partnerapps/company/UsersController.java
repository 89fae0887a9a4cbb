package dev.partnerapps.company;

import dev.partnerapps.paging.CurrentUrl;
import dev.partnerapps.paging.Filters;
import dev.partnerapps.paging.ListReturn;
import dev.partnerapps.paging.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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

/** Users and Permissions, for Company Administrators. */
@Controller
@RequestMapping("/admin/web-services/users")
class UsersController {

    private static final String PATH = "/admin/web-services/users";

    private final UserAdministration administration;

    UsersController(UserAdministration administration) {
        this.administration = administration;
    }

    @InitBinder("newUserForm")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("email", "password");
    }

    /** Searchable by email, filtered by role and status, sorted and paged on the server. */
    @GetMapping
    String list(@AuthenticationPrincipal PartnerUser admin, HttpServletRequest request, Model model) {
        model.addAttribute("newUserForm", new NewUserForm());
        return page(admin, request, model);
    }

    @PostMapping
    String addUser(@AuthenticationPrincipal PartnerUser admin, @Valid @ModelAttribute NewUserForm newUserForm,
            BindingResult result, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.addUser(admin, newUserForm);
                redirect.addFlashAttribute("flash", "flash.user.added");
                redirect.addFlashAttribute("flashArg", newUserForm.getEmail());
                return "redirect:/admin/web-services/users";
            } catch (RejectedFieldException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        return page(admin, request, model);
    }

    @PostMapping("/{id}/grant")
    String grant(@AuthenticationPrincipal PartnerUser admin, @PathVariable long id,
            @RequestParam(name = "list", required = false) String list, RedirectAttributes redirect) {
        return done(redirect, list, "flash.user.granted", administration.setWebServicesAdministrator(admin, id, true));
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal PartnerUser admin, @PathVariable long id,
            @RequestParam(name = "list", required = false) String list, RedirectAttributes redirect) {
        return done(redirect, list, "flash.user.revoked", administration.setWebServicesAdministrator(admin, id, false));
    }

    @PostMapping("/{id}/disable")
    String disable(@AuthenticationPrincipal PartnerUser admin, @PathVariable long id,
            @RequestParam(name = "list", required = false) String list, RedirectAttributes redirect) {
        return done(redirect, list, "flash.user.disabled", administration.setEnabled(admin, id, false));
    }

    @PostMapping("/{id}/enable")
    String enable(@AuthenticationPrincipal PartnerUser admin, @PathVariable long id,
            @RequestParam(name = "list", required = false) String list, RedirectAttributes redirect) {
        return done(redirect, list, "flash.user.enabled", administration.setEnabled(admin, id, true));
    }

    /** The list as the URL asks for it; also shown again under a refused Add user form. */
    private String page(PartnerUser admin, HttpServletRequest request, Model model) {
        PageQuery query = PageQuery.of(request.getParameter("q"), request.getParameter("sort"),
                request.getParameter("dir"), request.getParameter("page"), UserSearch.SORT_NAMES, "email", true);
        UserSearch.Role role = Filters.oneOf(UserSearch.Role.class, request.getParameter("role"));
        Boolean enabled = "active".equals(request.getParameter("status")) ? Boolean.TRUE
                : "disabled".equals(request.getParameter("status")) ? Boolean.FALSE : null;
        model.addAttribute("users", administration.list(admin, role, enabled, query));
        model.addAttribute("here", CurrentUrl.with());
        model.addAttribute("q", query.search());
        model.addAttribute("role", role);
        model.addAttribute("status", enabled == null ? "" : request.getParameter("status"));
        return "admin/users/list";
    }

    /** Back to the list as it was (search, filter, page): see {@link ListReturn}. */
    private static String done(RedirectAttributes redirect, String list, String messageKey, String email) {
        redirect.addFlashAttribute("flash", messageKey);
        redirect.addFlashAttribute("flashArg", email);
        return "redirect:" + ListReturn.to(PATH, list);
    }
}
