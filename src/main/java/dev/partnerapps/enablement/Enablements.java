package dev.partnerapps.enablement;

import dev.partnerapps.application.ApplicationDirectory;
import dev.partnerapps.application.ApplicationRegistered;
import dev.partnerapps.application.ApplicationView;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which companies have which applications enabled: the one place that state is kept, and the
 * one answer to "may this application act for this company now?".
 */
@Service
public class Enablements {

    private final EnablementRepository enablements;
    private final ApplicationDirectory applications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EnabledApplicationsSearch search;

    Enablements(EnablementRepository enablements, ApplicationDirectory applications,
            ApplicationEventPublisher events, Clock clock, EnabledApplicationsSearch search) {
        this.enablements = enablements;
        this.search = search;
        this.applications = applications;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the company switched the application on (regardless of the application's own state). */
    @Transactional(readOnly = true)
    public boolean isEnabled(long applicationId, long companyId) {
        return enablements.findById(new Enablement.Id(applicationId, companyId))
                .map(Enablement::isEnabled)
                .orElse(false);
    }

    /**
     * Whether the application may act for the company right now: it is Active, the company has
     * it enabled, and it is the company's own or Public.
     */
    @Transactional(readOnly = true)
    public boolean isAllowed(long applicationId, long companyId) {
        return applications.findById(applicationId)
                .filter(app -> isAllowed(app, companyId))
                .isPresent();
    }

    private boolean isAllowed(ApplicationView app, long companyId) {
        return app.usableBy(companyId) && isEnabled(app.id(), companyId);
    }

    @Transactional(readOnly = true)
    ListPage<EnabledApplication> list(PartnerUser admin, Boolean enabled, PageQuery query) {
        requireAdministrator(admin);
        return search.find(admin.getCompanyId(), enabled, query);
    }

    /** Enables or disables an application the caller's company may use; returns its name. */
    @Transactional
    String set(PartnerUser admin, String key, boolean enabled) {
        requireAdministrator(admin);
        ApplicationView app = applications.findUsable(admin.getCompanyId(), key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Enablement.Id id = new Enablement.Id(app.id(), admin.getCompanyId());
        Instant now = Instant.now(clock);
        Enablement enablement = enablements.findById(id).orElse(null);
        if (enablement != null && enablement.isEnabled() == enabled) {
            return app.name();
        }
        if (enablement == null) {
            enablements.save(new Enablement(app.id(), admin.getCompanyId(), enabled, now, admin.getEmail()));
        } else {
            enablement.set(enabled, now, admin.getEmail());
        }
        enablements.flush();
        events.publishEvent(enabled
                ? new ApplicationEnabled(app.id(), app.ownerCompanyId(), app.name(), admin.getCompanyId(), admin.asActor())
                : new ApplicationDisabled(app.id(), app.ownerCompanyId(), app.name(), admin.getCompanyId(), admin.asActor()));
        return app.name();
    }

    /** A new application is enabled for its owner, in the same transaction that registers it. */
    @EventListener
    void on(ApplicationRegistered event) {
        enablements.save(new Enablement(event.applicationId(), event.ownerCompanyId(), true, Instant.now(clock),
                event.actor().email()));
    }

    private static void requireAdministrator(PartnerUser user) {
        if (!user.isWebServicesAdministrator()) {
            throw new AccessDeniedException("Administrators only");
        }
    }
}
