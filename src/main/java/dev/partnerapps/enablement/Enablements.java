package dev.partnerapps.enablement;

import dev.partnerapps.application.ApplicationDirectory;
import dev.partnerapps.application.ApplicationModified;
import dev.partnerapps.application.ApplicationRegistered;
import dev.partnerapps.application.ApplicationView;
import dev.partnerapps.application.Visibility;
import dev.partnerapps.application.VisibilityChanged;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.errors.NotAllowedException;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
        return allowance(applicationId, companyId).isPresent();
    }

    /**
     * The generation of the enablement under which the application may act for the company right
     * now (see {@link #isAllowed}); empty when it may not. A token issued under one generation is
     * dead once the generation moves on, even if the application is allowed again later.
     */
    @Transactional(readOnly = true)
    public OptionalLong allowance(long applicationId, long companyId) {
        return applications.findById(applicationId)
                .filter(app -> app.usableBy(companyId))
                .flatMap(app -> enablements.findById(new Enablement.Id(app.id(), companyId)))
                .filter(Enablement::isEnabled)
                .map(enablement -> OptionalLong.of(enablement.generation()))
                .orElse(OptionalLong.empty());
    }

    @Transactional(readOnly = true)
    ListPage<EnabledApplication> list(PartnerUser admin, Boolean enabled, PageQuery query) {
        requireAdministrator(admin);
        return search.find(admin.getCompanyId(), enabled, query);
    }

    /** An application the administrator's company may use (the ones its Enable Applications lists). */
    @Transactional(readOnly = true)
    ApplicationView usable(PartnerUser admin, String key) {
        requireAdministrator(admin);
        return applications.findUsable(admin.getCompanyId(), key)
                .orElseThrow(() -> new NotFoundException("Application " + key));
    }

    /** Enables or disables an application the caller's company may use; returns its name. */
    @Transactional
    String set(PartnerUser admin, String key, boolean enabled) {
        requireAdministrator(admin);
        ApplicationView app = applications.findUsableLocked(admin.getCompanyId(), key)
                .orElseThrow(() -> new NotFoundException("Application " + key));
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

    /**
     * An inactive application counts for no company; one sent back to review is Private again and
     * counts only for its owner. Either way the enablements that stop counting start a new
     * generation, in the same transaction as the change.
     */
    @EventListener
    void on(ApplicationModified event) {
        if (!event.active()) {
            enablements.endGenerationOfAll(event.applicationId());
        } else if (event.sentBackToReview()) {
            enablements.endGenerationOfOtherCompanies(event.applicationId(), event.ownerCompanyId());
        }
    }

    /** Made Private (by staff, or by a rejection of a Public application): only the owner's enablement counts. */
    @EventListener
    void on(VisibilityChanged event) {
        if (event.visibility() == Visibility.PRIVATE) {
            enablements.endGenerationOfOtherCompanies(event.applicationId(), event.ownerCompanyId());
        }
    }

    private static void requireAdministrator(PartnerUser user) {
        if (!user.isWebServicesAdministrator()) {
            throw new NotAllowedException("Administrators only");
        }
    }
}
