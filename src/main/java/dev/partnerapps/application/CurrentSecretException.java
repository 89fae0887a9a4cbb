package dev.partnerapps.application;

import dev.partnerapps.errors.ConflictException;

/**
 * Revoke was asked of the application's current Secret: only a previous one in its overlap may be
 * revoked early (docs/product.md section 2). {@link PartnerApplication} throws it and nothing changes.
 */
class CurrentSecretException extends ConflictException {

    CurrentSecretException(String key) {
        super("Application " + key + ": the current Secret cannot be revoked");
    }
}
