package dev.partnerapps.company;

/** One line of the Users and Permissions table. */
record UserRow(long id, String email, boolean companyAdministrator, boolean webServicesAdministrator,
        boolean enabled, boolean self) {
}
