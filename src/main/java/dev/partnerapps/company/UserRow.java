package dev.partnerapps.company;

/** One line of the Users and Permissions table. */
record UserRow(long id, String email, boolean companyAdministrator, boolean webServicesAdministrator,
        boolean enabled, boolean self) {

    static UserRow of(UserAccount user, long currentUserId) {
        return new UserRow(user.getId(), user.getEmail(),
                user.has(Permission.COMPANY_ADMINISTRATOR),
                user.has(Permission.WEB_SERVICES_ADMINISTRATOR),
                user.isEnabled(),
                user.getId() == currentUserId);
    }
}
