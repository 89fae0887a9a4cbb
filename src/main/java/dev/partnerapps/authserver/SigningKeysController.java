package dev.partnerapps.authserver;

import dev.partnerapps.company.PartnerUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Signing Keys, for Platform Staff: see the published keys, rotate the current one. */
@Controller
@RequestMapping("/admin/web-services/signing-keys")
class SigningKeysController {

    private final SigningKeys keys;
    private final ApplicationEventPublisher events;

    SigningKeysController(SigningKeys keys, ApplicationEventPublisher events) {
        this.keys = keys;
        this.events = events;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("keys", keys.list());
        return "admin/signing-keys";
    }

    @PostMapping("/rotate")
    @Transactional
    String rotate(@AuthenticationPrincipal PartnerUser staff, RedirectAttributes redirect) {
        String kid = keys.rotate();
        events.publishEvent(new SigningKeyRotated(kid, staff.asActor()));
        redirect.addFlashAttribute("flash", "flash.keys.rotated");
        redirect.addFlashAttribute("flashArg", kid);
        return "redirect:/admin/web-services/signing-keys";
    }
}
