package dev.partnerapps.company;

/**
 * Permissions granted per user. Platform Staff is not a permission: it follows from belonging
 * to the platform operator's company.
 */
public enum Permission {
    WEB_SERVICES_ADMINISTRATOR,
    COMPANY_ADMINISTRATOR
}
