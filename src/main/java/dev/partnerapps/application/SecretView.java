package dev.partnerapps.application;

import java.time.Instant;

/**
 * One Secret as the Modify page lists it: never its digest. The id is stable: what Revoke and a
 * last-used record refer to.
 *
 * @param endsAt   when a previous Secret stops working (end of the overlap); null for the current one
 * @param current  the newest Secret, the one New Secret last created
 * @param expired  its expiry has passed: it no longer works
 */
record SecretView(long id, Instant createdAt, String createdBy, Instant expiresAt, Instant endsAt, boolean current,
        boolean expired) {

    /** Only a previous Secret still in its overlap may be revoked early. */
    public boolean revocable() {
        return !current && !expired;
    }
}
