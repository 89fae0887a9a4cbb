package dev.partnerapps.system;

import dev.partnerapps.company.PartnerUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page, error pages included, the signed-in user for the navigation. Only the console's
 * controllers and Spring Boot's error controller: an advice with a model attribute costs every
 * request it applies to a handler method built anew (annotations read again), about a sixth of a
 * platform API call's CPU (docs/performance.md, "The platform API's CPU"). The platform APIs
 * ({@code dev.partnerapps.api}) render no page. {@code RequestCostTests} checks that every
 * page controller is listed and no API controller is.
 */
@ControllerAdvice(basePackages = {"dev.partnerapps.application", "dev.partnerapps.audit", "dev.partnerapps.authserver",
        "dev.partnerapps.company", "dev.partnerapps.enablement", "dev.partnerapps.system", "dev.partnerapps.usage",
        "org.springframework.boot.webmvc.autoconfigure.error"})
class CurrentUserAdvice {

    @ModelAttribute("me")
    PartnerUser me(@AuthenticationPrincipal PartnerUser user) {
        return user;
    }
}
