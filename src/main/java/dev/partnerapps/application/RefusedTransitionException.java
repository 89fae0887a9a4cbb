package dev.partnerapps.application;

import dev.partnerapps.errors.ConflictException;

/**
 * A review or Visibility step the application's current state does not allow
 * (docs/product.md section 3); {@link PartnerApplication} throws it and nothing changes.
 */
class RefusedTransitionException extends ConflictException {

    enum Reason {
        /** Submit for Review: only before the first review and after a rejection. */
        NOT_SUBMITTABLE,
        /** Approve or reject: only a submitted application. */
        NOT_SUBMITTED,
        /** Public: only an approved application. */
        NOT_APPROVED
    }

    private final Reason reason;

    RefusedTransitionException(String key, Reason reason) {
        super("Application " + key + ": " + reason);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
