package dev.partnerapps.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only look-ups of applications for other modules. Never exposes a secret digest. */
@Service
public class ApplicationDirectory {

    private final PartnerApplicationRepository applications;
    private final ApplicationViews views;
    private final ApiCatalog catalog;
    private final Clock clock;

    ApplicationDirectory(PartnerApplicationRepository applications, ApplicationViews views, ApiCatalog catalog,
            Clock clock) {
        this.applications = applications;
        this.views = views;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The APIs Used of some applications, each in catalog order: one query for a page of a list. */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> scopesOf(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> scopes = new HashMap<>();
        applications.findScopes(applicationIds).forEach(row ->
                scopes.computeIfAbsent(row.applicationId(), id -> new ArrayList<>()).add(row.scope()));
        Map<Long, List<String>> ordered = new HashMap<>();
        scopes.forEach((id, list) -> ordered.put(id, catalog.inCatalogOrder(list)));
        return ordered;
    }

    /** One application a company may enable, by Key; empty if it may not (or it does not exist). */
    @Transactional(readOnly = true)
    public Optional<ApplicationView> findUsable(long companyId, String key) {
        return applications.findByKey(key).map(views::view).filter(app -> app.usableBy(companyId));
    }

    /**
     * As {@link #findUsable}, holding a share lock on the application's row until the caller's
     * transaction ends. A company enabling the application for the first time then waits for a
     * concurrent change that stops enablements counting (inactive, Private, back to review) and
     * sees its outcome; or that change waits for the new enablement and includes it when it moves
     * every enablement's generation on. Without it a new enablement could escape that fence.
     */
    @Transactional
    public Optional<ApplicationView> findUsableLocked(long companyId, String key) {
        return applications.findByKeyLocked(key).map(views::view).filter(app -> app.usableBy(companyId));
    }

    @Transactional(readOnly = true)
    public Optional<ApplicationView> findById(long id) {
        return applications.findById(id).map(views::view);
    }

    /** The OAuth view of an application, by Key, whatever its state. */
    @Transactional(readOnly = true)
    public Optional<OAuthClient> findClientByKey(String key) {
        return applications.findByKey(key).map(this::client);
    }

    @Transactional(readOnly = true)
    public Optional<OAuthClient> findClientById(long id) {
        return applications.findById(id).map(this::client);
    }

    private OAuthClient client(PartnerApplication app) {
        List<OAuthClient.Secret> secrets = app.secretsWorkingAt(Instant.now(clock)).stream()
                .map(secret -> new OAuthClient.Secret(secret.getId(), secret.getDigest(), secret.validUntil()))
                .toList();
        return new OAuthClient(app.getId(), app.getKey(), app.getOwnerCompanyId(), app.getName(), app.isActive(),
                app.getVisibility(), app.getRedirectUris(), app.getScopes(), secrets, app.getSecretCreatedAt());
    }
}
