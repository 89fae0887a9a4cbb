package dev.partnerapps.authserver;

import dev.partnerapps.application.ApiCatalog;
import dev.partnerapps.application.OAuthClient;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import dev.partnerapps.usage.UsageReports;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
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
    private final UsageReports usage;

    ConnectedApplicationsController(JdbcTemplate jdbc, PartnerClients clients, OAuth2AuthorizationConsentService consents,
            ChangeEpoch epoch, ApiCatalog catalog, UsageReports usage) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.consents = consents;
        this.epoch = epoch;
        this.catalog = catalog;
        this.usage = usage;
    }

    record Connection(long id, String key, String name, List<String> scopes) {
    }

    /** The consents the user gave, searchable by application name and paged (docs/lists.md). */
    @GetMapping
    String list(@AuthenticationPrincipal PartnerUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String page, Model model) {
        PageQuery query = PageQuery.of(q, "name", dir, page, Set.of("name"), "name", true);
        String where = " from oauth2_authorization_consent c join partner_applications a"
                + " on cast(a.id as varchar(20)) = c.registered_client_id where c.principal_name = ?"
                + (query.hasSearch() ? " and a.name_key like ? escape '\\'" : "");
        Object[] args = query.hasSearch() ? new Object[] {user.getUsername(), query.containsPattern()}
                : new Object[] {user.getUsername()};
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, args);
        List<Object> pageArgs = new ArrayList<>(List.of(args));
        pageArgs.add(query.limit());
        pageArgs.add(query.offset());
        List<Connection> connections = jdbc.query("select a.id, a.client_key, a.name, c.authorities" + where
                + " order by a.name_key " + query.direction() + ", a.id limit ? offset ?",
                (rs, i) -> new Connection(rs.getLong("id"), rs.getString("client_key"), rs.getString("name"),
                        catalog.inCatalogOrder(Arrays.stream(rs.getString("authorities").split(","))
                                .map(a -> a.replaceFirst("^SCOPE_", "")).toList()).stream()
                                .map(catalog::nameOf).toList()),
                pageArgs.toArray());
        model.addAttribute("connections", new ListPage<>(connections, query, total == null ? 0 : total,
                query.hasSearch()));
        model.addAttribute("q", query.search());
        model.addAttribute("lastUsed", usage.consentsLastUsed(user.getUsername(),
                connections.stream().map(Connection::id).toList()));
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
