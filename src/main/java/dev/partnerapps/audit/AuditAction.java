package dev.partnerapps.audit;

/** What the audit log records; the Audit Log page names it by the message {@code auditAction.<constant>}. */
enum AuditAction {
    REGISTERED,
    MODIFIED,
    NEW_SECRET,
    SECRET_REVOKED,
    ENABLED,
    DISABLED,
    SUBMITTED,
    APPROVED,
    REJECTED,
    VISIBILITY_CHANGED,
    SIGNING_KEY_ROTATED,
    USER_ADDED,
    PERMISSION_GRANTED,
    PERMISSION_REVOKED,
    USER_DISABLED,
    USER_ENABLED,
    SIGN_IN_LOCKED,
    SIGN_IN_UNLOCKED
}
