package dev.partnerapps.authserver;

import dev.partnerapps.application.ApiCatalog;
import dev.partnerapps.application.OAuthClient;
import dev.partnerapps.company.CompanyInfo;
import dev.partnerapps.company.PartnerUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent page of the authorization code flow: which application, whose, and what it asks
 * for, sensitive groups flagged. Allow posts the chosen scopes back to the authorization
 * endpoint; Deny posts none, which answers the application with access_denied.
 */
@Controller
class ConsentController {

    private final PartnerClients clients;
    private final OAuth2AuthorizationConsentService consents;
    private final TokenPolicy policy;
    private final ApiCatalog catalog;

    ConsentController(PartnerClients clients, OAuth2AuthorizationConsentService consents, TokenPolicy policy,
            ApiCatalog catalog) {
        this.clients = clients;
        this.consents = consents;
        this.policy = policy;
        this.catalog = catalog;
    }

    record ScopeRow(String code, String name, String description, boolean sensitive, boolean alreadyGranted) {
    }

    @GetMapping("/oauth2/consent")
    String consent(@AuthenticationPrincipal PartnerUser user,
            @RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
            @RequestParam(name = OAuth2ParameterNames.SCOPE, defaultValue = "") String scope,
            @RequestParam(OAuth2ParameterNames.STATE) String state, Model model, HttpServletResponse response)
            throws IOException {
        Optional<OAuthClient> found = clients.applicationByKey(clientId).filter(OAuthClient::active);
        if (found.isEmpty()) {
            // Not a refusal of the domain but a request the authorization endpoint never sends: the
            // plain 400 page, rendered by the container as for any other error status.
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return null;
        }
        OAuthClient app = found.get();
        Set<String> granted = new LinkedHashSet<>();
        OAuth2AuthorizationConsent previous = consents.findById(String.valueOf(app.id()), user.getUsername());
        if (previous != null) {
            previous.getScopes().forEach(granted::add);
        }
        List<String> requested = catalog.inCatalogOrder(Arrays.asList(scope.split(" ")));
        List<ScopeRow> rows = requested.stream()
                .map(code -> new ScopeRow(code, catalog.nameOf(code), catalog.descriptionOf(code),
                        catalog.isSensitiveGroup(code), granted.contains(code)))
                .toList();
        model.addAttribute("app", app);
        model.addAttribute("publisher", policy.company(app.ownerCompanyId()).map(CompanyInfo::name).orElse(""));
        model.addAttribute("scopes", rows);
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        return "oauth2/consent";
    }

}
