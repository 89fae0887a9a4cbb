package dev.partnerapps.support;

/** The demo accounts of docs/product.md section 8. */
public final class DemoUsers {

    public static final String PASSWORD = "demo-password-1";
    public static final String STAFF = "staff@platform.example";
    public static final String ACME_DEVELOPER = "dev@acme-sandbox.example";
    public static final String ACME_EMPLOYEE = "employee@acme-sandbox.example";
    public static final String GLOBEX_ADMIN = "admin@globex.example";
    public static final String GLOBEX_EMPLOYEE = "employee@globex.example";

    private DemoUsers() {
    }
}
