package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.errors.NotAllowedException;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform staff review applications before other companies may use them, and decide their
 * Visibility: Public only after approval, Private at any time.
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

    enum Outcome { DONE, NOT_SUBMITTED, NOT_APPROVED, UNCHANGED }

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

    @Transactional
    Outcome approve(PartnerUser staff, String key, String comment) {
        PartnerApplication app = find(staff, key);
        if (app.getReviewState() != ReviewState.SUBMITTED) {
            return Outcome.NOT_SUBMITTED;
        }
        app.approve(blankToNull(comment));
        save(app, staff);
        events.publishEvent(new ApplicationApproved(app.getId(), app.getOwnerCompanyId(), app.getName(),
                staff.asActor()));
        return Outcome.DONE;
    }

    @Transactional
    Outcome reject(PartnerUser staff, String key, String comment) {
        PartnerApplication app = find(staff, key);
        if (app.getReviewState() != ReviewState.SUBMITTED) {
            return Outcome.NOT_SUBMITTED;
        }
        app.reject(comment.strip());
        // A rejected application is not for other companies, whatever it was before.
        boolean wasPublic = app.getVisibility() == Visibility.PUBLIC;
        app.changeVisibility(Visibility.PRIVATE);
        save(app, staff);
        events.publishEvent(new ApplicationRejected(app.getId(), app.getOwnerCompanyId(), app.getName(),
                staff.asActor(), app.getReviewComment()));
        if (wasPublic) {
            events.publishEvent(new VisibilityChanged(app.getId(), app.getOwnerCompanyId(), app.getName(),
                    staff.asActor(), Visibility.PRIVATE));
        }
        return Outcome.DONE;
    }

    @Transactional
    Outcome changeVisibility(PartnerUser staff, String key, Visibility visibility) {
        PartnerApplication app = find(staff, key);
        if (app.getVisibility() == visibility) {
            return Outcome.UNCHANGED;
        }
        if (visibility == Visibility.PUBLIC && app.getReviewState() != ReviewState.APPROVED) {
            return Outcome.NOT_APPROVED;
        }
        app.changeVisibility(visibility);
        save(app, staff);
        events.publishEvent(new VisibilityChanged(app.getId(), app.getOwnerCompanyId(), app.getName(),
                staff.asActor(), visibility));
        return Outcome.DONE;
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
