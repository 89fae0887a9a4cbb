package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.errors.NotAllowedException;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Development Partner's administrator and their company's applications (docs/product.md
 * section 2): the list, one application, and the one lookup the owner's other use cases load
 * through. Every lookup is by the caller's company and the Key, so another company's
 * application is simply not found.
 */
@Service
class OwnApplications {

    private final PartnerApplicationRepository applications;
    private final ApplicationViews views;
    private final ApplicationSearch search;
    private final Clock clock;

    OwnApplications(PartnerApplicationRepository applications, ApplicationViews views, ApplicationSearch search,
            Clock clock) {
        this.applications = applications;
        this.views = views;
        this.search = search;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ListPage<ApplicationRow> list(PartnerUser developer, Boolean active, Visibility visibility, ReviewState review,
            PageQuery query) {
        requireDeveloper(developer);
        return search.find(new ApplicationSearch.Filter(developer.getCompanyId(), active, visibility, review, false),
                query);
    }

    @Transactional(readOnly = true)
    ApplicationView get(PartnerUser developer, String key) {
        return views.view(find(developer, key));
    }

    /** The application's Secrets as the Modify page lists them. */
    @Transactional(readOnly = true)
    List<SecretView> secrets(PartnerUser developer, String key) {
        return find(developer, key).secretsAt(Instant.now(clock));
    }

    /** The caller's company's application with this Key, for a change in the caller's transaction. */
    PartnerApplication find(PartnerUser developer, String key) {
        requireDeveloper(developer);
        return applications.findByKeyAndOwnerCompanyId(key, developer.getCompanyId())
                .orElseThrow(() -> new NotFoundException("Application " + key));
    }

    static void requireDeveloper(PartnerUser user) {
        if (!user.isPartnerDeveloper()) {
            throw new NotAllowedException("Only administrators of Development Partners register applications");
        }
    }
}
