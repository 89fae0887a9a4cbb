package dev.partnerapps.authserver;

import dev.partnerapps.application.ApiCatalog;
import dev.partnerapps.application.OAuthClient;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications a user connected: the consents they gave, and revoking one together with the
 * grants it made. The consents are the framework's table, read here joined with the applications
 * so that the list can be searched and paged by name (docs/lists.md).
 */
@Service
class ConnectedApplications {

    private final JdbcTemplate jdbc;
    private final PartnerClients clients;
    private final OAuth2AuthorizationConsentService consents;
    private final GrantDeletions grants;
    private final ApiCatalog catalog;

    ConnectedApplications(JdbcTemplate jdbc, PartnerClients clients, OAuth2AuthorizationConsentService consents,
            GrantDeletions grants, ApiCatalog catalog) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.consents = consents;
        this.grants = grants;
        this.catalog = catalog;
    }

    /** One connected application: its id, Key, name and the names of the scopes allowed, in catalog order. */
    record Connection(long id, String key, String name, List<String> scopes) {
    }

    /** A page of the user's consents, searched by application name. */
    ListPage<Connection> of(String principalName, PageQuery query) {
        String where = " from oauth2_authorization_consent c join partner_applications a"
                + " on cast(a.id as varchar(20)) = c.registered_client_id where c.principal_name = ?"
                + (query.hasSearch() ? " and a.name_key like ? escape '\\'" : "");
        Object[] args = query.hasSearch() ? new Object[] {principalName, query.containsPattern()}
                : new Object[] {principalName};
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
        return new ListPage<>(connections, query, total == null ? 0 : total, query.hasSearch());
    }

    /**
     * Withdraws the user's consent to the application with this Key and ends the grants it made;
     * the application's name, for the confirmation.
     *
     * @throws NotFoundException no such application, or the user never connected it
     */
    @Transactional
    String revoke(String principalName, String key) {
        OAuthClient app = clients.applicationByKey(key).orElseThrow(() -> new NotFoundException("Application"));
        OAuth2AuthorizationConsent consent = consents.findById(String.valueOf(app.id()), principalName);
        if (consent == null) {
            throw new NotFoundException("Consent");
        }
        consents.remove(consent);
        grants.ofConsent(app.id(), principalName);
        return app.name();
    }
}
