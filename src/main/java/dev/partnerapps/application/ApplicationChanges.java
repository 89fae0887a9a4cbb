package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner changes an application and submits it for review; what each step may do is
 * {@link PartnerApplication}'s to decide.
 */
@Service
class ApplicationChanges {

    private final OwnApplications own;
    private final PartnerApplicationRepository applications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApplicationChanges(OwnApplications own, PartnerApplicationRepository applications,
            ApplicationEventPublisher events, Clock clock) {
        this.own = own;
        this.applications = applications;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Saves the Modify form, filled in at {@code basedOnVersion}; a form that changes nothing
     * saves nothing.
     *
     * @throws StaleApplicationException when someone else saved the application meanwhile
     * @throws NameTakenException when the company has another application of that name
     */
    @Transactional
    void modify(PartnerUser developer, String key, ApplicationDetails details, Long basedOnVersion) {
        PartnerApplication app = own.find(developer, key);
        PartnerApplication.Modification modification = app.modify(details, basedOnVersion);
        if (!modification.changedAnything()) {
            return;
        }
        app.touched(Instant.now(clock), developer.getEmail());
        try {
            applications.saveAndFlush(app);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleApplicationException(key);
        } catch (DataIntegrityViolationException e) {
            // The unique name per company: someone took it between the form's check and this update.
            throw new NameTakenException(details.name());
        }
        events.publishEvent(new ApplicationModified(app.getId(), app.getOwnerCompanyId(), app.getName(),
                developer.asActor(), modification.changes(), app.isActive(), modification.sentBackToReview()));
    }

    /** @throws RefusedTransitionException unless it is before the first review or after a rejection */
    @Transactional
    void submitForReview(PartnerUser developer, String key) {
        PartnerApplication app = own.find(developer, key);
        app.submitForReview();
        app.touched(Instant.now(clock), developer.getEmail());
        applications.saveAndFlush(app);
        events.publishEvent(new ApplicationSubmitted(app.getId(), app.getOwnerCompanyId(), app.getName(),
                developer.asActor()));
    }
}
