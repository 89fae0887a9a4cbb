package dev.partnerapps.application;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only look-ups of applications for other modules. Never exposes a secret digest. */
@Service
public class ApplicationDirectory {

    private final PartnerApplicationRepository applications;
    private final ApplicationViews views;

    ApplicationDirectory(PartnerApplicationRepository applications, ApplicationViews views) {
        this.applications = applications;
        this.views = views;
    }

    /** The applications a company may enable: its own and other companies' Public ones, Active only. */
    @Transactional(readOnly = true)
    public List<ApplicationView> usableBy(long companyId) {
        return applications.findUsableBy(companyId, Visibility.PUBLIC).stream().map(views::view).toList();
    }

    /** One application a company may enable, by Key; empty if it may not (or it does not exist). */
    @Transactional(readOnly = true)
    public Optional<ApplicationView> findUsable(long companyId, String key) {
        return applications.findByKey(key).map(views::view).filter(app -> app.usableBy(companyId));
    }

    @Transactional(readOnly = true)
    public Optional<ApplicationView> findById(long id) {
        return applications.findById(id).map(views::view);
    }

    /** The OAuth view of an application, by Key, whatever its state. */
    @Transactional(readOnly = true)
    public Optional<OAuthClient> findClientByKey(String key) {
        return applications.findByKey(key).map(ApplicationDirectory::client);
    }

    @Transactional(readOnly = true)
    public Optional<OAuthClient> findClientById(long id) {
        return applications.findById(id).map(ApplicationDirectory::client);
    }

    private static OAuthClient client(PartnerApplication app) {
        return new OAuthClient(app.getId(), app.getKey(), app.getOwnerCompanyId(), app.getName(), app.isActive(),
                app.getVisibility(), app.getRedirectUris(), app.getScopes(), app.getSecretHash(),
                app.getSecretCreatedAt());
    }
}
