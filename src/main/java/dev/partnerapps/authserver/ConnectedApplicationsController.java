package dev.partnerapps.authserver;

import dev.partnerapps.application.ApiCatalog;
import dev.partnerapps.application.OAuthClient;
import dev.partnerapps.company.PartnerUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Connected applications: the consents a user gave, and revoking them with their grants. */
@Controller
@RequestMapping("/account/connected-applications")
class ConnectedApplicationsController {

    private final JdbcTemplate jdbc;
    private final PartnerClients clients;
    private final OAuth2AuthorizationConsentService consents;
    private final ChangeEpoch epoch;
    private final ApiCatalog catalog;

    ConnectedApplicationsController(JdbcTemplate jdbc, PartnerClients clients, OAuth2AuthorizationConsentService consents,
            ChangeEpoch epoch, ApiCatalog catalog) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.consents = consents;
        this.epoch = epoch;
        this.catalog = catalog;
    }

    record Connection(String key, String name, List<String> scopes) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal PartnerUser user, Model model) {
        List<Connection> connections = new ArrayList<>();
        jdbc.query("select registered_client_id, authorities from oauth2_authorization_consent where principal_name = ?",
                rs -> {
                    String authorities = rs.getString("authorities");
                    clients.application(rs.getString("registered_client_id")).ifPresent(app -> connections.add(
                            new Connection(app.key(), app.name(), catalog.inCatalogOrder(Arrays.stream(
                                    authorities.split(",")).map(a -> a.replaceFirst("^SCOPE_", "")).toList()).stream()
                                    .map(catalog::nameOf).toList())));
                }, user.getUsername());
        model.addAttribute("connections", connections);
        return "account/connected-applications";
    }

    @PostMapping("/{key}/revoke")
    @Transactional
    String revoke(@AuthenticationPrincipal PartnerUser user, @PathVariable String key, RedirectAttributes redirect) {
        OAuthClient app = clients.applicationByKey(key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        OAuth2AuthorizationConsent consent = consents.findById(String.valueOf(app.id()), user.getUsername());
        if (consent == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        consents.remove(consent);
        jdbc.update("delete from oauth_authorizations where application_id = ? and principal_name = ?", app.id(),
                user.getUsername());
        epoch.changed();
        redirect.addFlashAttribute("flash", "flash.connected.revoked");
        redirect.addFlashAttribute("flashArg", app.name());
        return "redirect:/account/connected-applications";
    }
}
