package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.errors.NotAllowedException;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform staff review applications before other companies may use them, and decide their
 * Visibility; which step is allowed when is {@link PartnerApplication}'s to decide.
 */
@Service
class ApplicationReview {

    private final PartnerApplicationRepository applications;
    private final ApplicationViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApplicationSearch search;

    ApplicationReview(PartnerApplicationRepository applications, ApplicationViews views,
            ApplicationEventPublisher events, Clock clock, ApplicationSearch search) {
        this.applications = applications;
        this.search = search;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** The review queue: submitted applications, the longest waiting first. */
    @Transactional(readOnly = true)
    ListPage<ApplicationRow> queue(PartnerUser staff) {
        requireStaff(staff);
        return search.find(new ApplicationSearch.Filter(null, null, null, ReviewState.SUBMITTED, false),
                new PageQuery("", "updated", true, 1));
    }

    /** Every application of every company, searchable by its name or its publisher's. */
    @Transactional(readOnly = true)
    ListPage<ApplicationRow> all(PartnerUser staff, Boolean active, Visibility visibility, ReviewState review,
            PageQuery query) {
        requireStaff(staff);
        return search.find(new ApplicationSearch.Filter(null, active, visibility, review, true), query);
    }

    @Transactional(readOnly = true)
    ApplicationView get(PartnerUser staff, String key) {
        return views.view(find(staff, key));
    }

    /** @throws RefusedTransitionException unless the application is submitted */
    @Transactional
    void approve(PartnerUser staff, String key, String comment) {
        PartnerApplication app = find(staff, key);
        app.approve(comment);
        save(app, staff);
        events.publishEvent(new ApplicationApproved(app.getId(), app.getOwnerCompanyId(), app.getName(),
                staff.asActor()));
    }

    /** @throws RefusedTransitionException unless the application is submitted */
    @Transactional
    void reject(PartnerUser staff, String key, String comment) {
        PartnerApplication app = find(staff, key);
        boolean madePrivate = app.reject(comment);
        save(app, staff);
        events.publishEvent(new ApplicationRejected(app.getId(), app.getOwnerCompanyId(), app.getName(),
                staff.asActor(), app.getReviewComment()));
        if (madePrivate) {
            events.publishEvent(new VisibilityChanged(app.getId(), app.getOwnerCompanyId(), app.getName(),
                    staff.asActor(), Visibility.PRIVATE));
        }
    }

    /**
     * Nothing happens when it already has that Visibility.
     *
     * @throws RefusedTransitionException for Public before approval
     */
    @Transactional
    void changeVisibility(PartnerUser staff, String key, Visibility visibility) {
        PartnerApplication app = find(staff, key);
        if (!app.changeVisibility(visibility)) {
            return;
        }
        save(app, staff);
        events.publishEvent(new VisibilityChanged(app.getId(), app.getOwnerCompanyId(), app.getName(),
                staff.asActor(), visibility));
    }

    private void save(PartnerApplication app, PartnerUser staff) {
        app.touched(Instant.now(clock), staff.getEmail());
        applications.saveAndFlush(app);
    }

    private PartnerApplication find(PartnerUser staff, String key) {
        requireStaff(staff);
        return applications.findByKey(key).orElseThrow(() -> new NotFoundException("Application " + key));
    }

    private static void requireStaff(PartnerUser user) {
        if (!user.isPlatformStaff()) {
            throw new NotAllowedException("Platform Staff only");
        }
    }
}
