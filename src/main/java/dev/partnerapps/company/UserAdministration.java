package dev.partnerapps.company;

import dev.partnerapps.errors.ConflictException;
import dev.partnerapps.errors.NotAllowedException;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and Permissions: a Company Administrator manages the users of their own company.
 * Every lookup is by company and id, so another company's user is simply not found.
 */
@Service
class UserAdministration {

    private final UserAccountRepository users;
    private final CompanyRepository companies;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final UserSearch search;

    UserAdministration(UserAccountRepository users, CompanyRepository companies, Accounts accounts,
            ApplicationEventPublisher events, UserSearch search) {
        this.users = users;
        this.search = search;
        this.companies = companies;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional(readOnly = true)
    ListPage<UserRow> list(PartnerUser admin, UserSearch.Role role, Boolean enabled, PageQuery query) {
        requireCompanyAdministrator(admin);
        return search.find(admin.getCompanyId(), admin.getUserId(), role, enabled, query);
    }

    @Transactional
    void addUser(PartnerUser admin, NewUserForm form) {
        requireCompanyAdministrator(admin);
        Company company = companies.findById(admin.getCompanyId()).orElseThrow();
        UserAccount added = accounts.create(company, form.getEmail(), form.getPassword(), "email");
        events.publishEvent(new UserAdministered(admin.asActor(), added.getEmail(), UserAdministered.Change.ADDED));
    }

    @Transactional
    String setWebServicesAdministrator(PartnerUser admin, long userId, boolean granted) {
        UserAccount user = find(admin, userId);
        if (granted) {
            user.grant(Permission.WEB_SERVICES_ADMINISTRATOR);
        } else {
            user.revoke(Permission.WEB_SERVICES_ADMINISTRATOR);
        }
        events.publishEvent(new UserAccessChanged(user.getId(), user.getEmail()));
        events.publishEvent(new UserAdministered(admin.asActor(), user.getEmail(), granted
                ? UserAdministered.Change.GRANTED_WEB_SERVICES_ADMINISTRATOR
                : UserAdministered.Change.REVOKED_WEB_SERVICES_ADMINISTRATOR));
        return user.getEmail();
    }

    @Transactional
    String setEnabled(PartnerUser admin, long userId, boolean enabled) {
        UserAccount user = find(admin, userId);
        if (!enabled && user.getId() == admin.getUserId()) {
            throw new ConflictException("You cannot disable yourself");
        }
        user.setEnabled(enabled);
        if (!enabled) {
            events.publishEvent(new UserDisabled(user.getId(), admin.getCompanyId(), user.getEmail()));
        }
        events.publishEvent(new UserAccessChanged(user.getId(), user.getEmail()));
        events.publishEvent(new UserAdministered(admin.asActor(), user.getEmail(),
                enabled ? UserAdministered.Change.ENABLED : UserAdministered.Change.DISABLED));
        return user.getEmail();
    }

    private UserAccount find(PartnerUser admin, long userId) {
        requireCompanyAdministrator(admin);
        return users.findByIdAndCompanyId(userId, admin.getCompanyId())
                .orElseThrow(() -> new NotFoundException("User " + userId));
    }

    private static void requireCompanyAdministrator(PartnerUser admin) {
        if (!admin.isCompanyAdministrator()) {
            throw new NotAllowedException("Company Administrators only");
        }
    }
}
