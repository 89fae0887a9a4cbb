package dev.partnerapps.authserver;

import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** Newest first; the published keys are few (retired by age), so they are paged in memory. */
    @GetMapping
    String list(@RequestParam(required = false) String page, Model model) {
        model.addAttribute("keys", ListPage.of(keys.list(),
                PageQuery.of(null, null, null, page, Set.of(), "created", false)));
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
