package dev.partnerapps.company;

/** Role names (without the {@code ROLE_} prefix) that the security rules of every module use. */
public final class Roles {

    /** Web Services Administrators and Company Administrators. */
    public static final String WEB_SERVICES_ADMIN = "WEB_SERVICES_ADMIN";
    public static final String COMPANY_ADMIN = "COMPANY_ADMIN";
    public static final String PLATFORM_STAFF = "PLATFORM_STAFF";
    /** An administrator of a Development Partner company: may register applications. */
    public static final String PARTNER_DEVELOPER = "PARTNER_DEVELOPER";

    private Roles() {
    }
}
