package dev.partnerapps.audit;

/** What the audit log records, named as the Audit Log page shows it. */
enum AuditAction {
    REGISTERED("Registered"),
    MODIFIED("Modified"),
    NEW_SECRET("New secret"),
    SECRET_REVOKED("Secret revoked"),
    ENABLED("Enabled"),
    DISABLED("Disabled"),
    SUBMITTED("Submitted for review"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    VISIBILITY_CHANGED("Visibility changed"),
    SIGNING_KEY_ROTATED("Signing key rotated"),
    USER_ADDED("User added"),
    PERMISSION_GRANTED("Permission granted"),
    PERMISSION_REVOKED("Permission revoked"),
    USER_DISABLED("User disabled"),
    USER_ENABLED("User enabled"),
    SIGN_IN_LOCKED("Sign-in locked"),
    SIGN_IN_UNLOCKED("Sign-in unlocked");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
