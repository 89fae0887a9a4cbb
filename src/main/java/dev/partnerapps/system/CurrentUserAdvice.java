package dev.partnerapps.system;

import dev.partnerapps.company.PartnerUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page, error pages included, the signed-in user for the navigation. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("me")
    PartnerUser me(@AuthenticationPrincipal PartnerUser user) {
        return user;
    }
}
