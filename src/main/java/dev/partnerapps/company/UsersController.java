package dev.partnerapps.company;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users and Permissions, for Company Administrators. */
@Controller
@RequestMapping("/admin/web-services/users")
class UsersController {

    private final UserAdministration administration;

    UsersController(UserAdministration administration) {
        this.administration = administration;
    }

    @InitBinder("newUserForm")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("email", "password");
    }

    @GetMapping
    String list(@AuthenticationPrincipal PartnerUser admin, Model model) {
        model.addAttribute("newUserForm", new NewUserForm());
        return page(admin, model);
    }

    @PostMapping
    String addUser(@AuthenticationPrincipal PartnerUser admin, @Valid @ModelAttribute NewUserForm newUserForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
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
        return page(admin, model);
    }

    @PostMapping("/{id}/grant")
    String grant(@AuthenticationPrincipal PartnerUser admin, @PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "flash.user.granted", administration.setWebServicesAdministrator(admin, id, true));
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal PartnerUser admin, @PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "flash.user.revoked", administration.setWebServicesAdministrator(admin, id, false));
    }

    @PostMapping("/{id}/disable")
    String disable(@AuthenticationPrincipal PartnerUser admin, @PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "flash.user.disabled", administration.setEnabled(admin, id, false));
    }

    @PostMapping("/{id}/enable")
    String enable(@AuthenticationPrincipal PartnerUser admin, @PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "flash.user.enabled", administration.setEnabled(admin, id, true));
    }

    private String page(PartnerUser admin, Model model) {
        model.addAttribute("users", administration.list(admin));
        return "admin/users/list";
    }

    private static String done(RedirectAttributes redirect, String messageKey, String email) {
        redirect.addFlashAttribute("flash", messageKey);
        redirect.addFlashAttribute("flashArg", email);
        return "redirect:/admin/web-services/users";
    }
}
