package dev.partnerapps.authserver;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place grants are deleted — a grant being an authorization of the code flow with its
 * refresh token; the access tokens that carry its id stop verifying with it. Every deletion runs
 * in the caller's transaction, and every one that can leave a cache wrong moves the
 * {@link ChangeEpoch}, so all instances hear of it at commit.
 *
 * <p>Who deletes: token revocation, reuse detection and a code used twice ({@link #grant}), the
 * changes other modules announce ({@link GrantRevocations}), a user revoking a consent
 * ({@link ConnectedApplications}) and the clean-up of expired grants ({@link ExpiredGrantsCleanup}).
 */
@Component
class GrantDeletions {

    private final JdbcTemplate jdbc;
    private final ChangeEpoch epoch;
    private final MeterRegistry meters;

    GrantDeletions(JdbcTemplate jdbc, ChangeEpoch epoch, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.epoch = epoch;
        this.meters = meters;
    }

    /** One grant, if it still exists. */
    void grant(String id) {
        if (jdbc.update("delete from oauth_authorizations where id = ?", id) > 0) {
            epoch.changed();
        }
    }

    /*
     * The deletions below are part of a change that the caches must hear of whether or not a
     * grant went with it (an application disabled, a user disabled, a consent revoked): they
     * move the epoch every time, once for the change and its grants together.
     */

    /** The company disabled the application: its users' grants for it end. */
    void ofApplicationForCompany(long applicationId, long companyId) {
        revoked("application_disabled", jdbc.update(
                "delete from oauth_authorizations where application_id = ? and company_id = ?", applicationId, companyId));
        epoch.changed();
    }

    /** The application is no longer active: every grant for it ends. */
    void ofApplication(long applicationId) {
        revoked("application_inactive",
                jdbc.update("delete from oauth_authorizations where application_id = ?", applicationId));
        epoch.changed();
    }

    /**
     * Only its owner may use the application now (made Private, or sent back to review): the
     * other companies' grants end; {@code reason} names which, for the metric.
     */
    void ofApplicationOutsideOwner(long applicationId, long ownerCompanyId, String reason) {
        revoked(reason, jdbc.update("delete from oauth_authorizations where application_id = ? and company_id <> ?",
                applicationId, ownerCompanyId));
        epoch.changed();
    }

    /** The user was disabled: every grant they gave ends. */
    void ofUser(String email, long userId) {
        // By principal_name first: that column is indexed (V7).
        revoked("user_disabled", jdbc.update("delete from oauth_authorizations where principal_name = ? and user_id = ?",
                email, userId));
        epoch.changed();
    }

    /** The user revoked their consent to the application: the grants it made end. */
    void ofConsent(long applicationId, String principalName) {
        jdbc.update("delete from oauth_authorizations where application_id = ? and principal_name = ?", applicationId,
                principalName);
        epoch.changed();
    }

    /**
     * Grants nobody can use any more: the refresh token expired, or no refresh token was ever
     * issued (an authorization request without a code, or a code never exchanged) before
     * {@code abandonedBefore}. Unlike the others this does not move the epoch: none of these grants
     * could refresh any more, and an hourly move would make every instance reload all its caches.
     */
    int expired(Instant now, Instant abandonedBefore) {
        return jdbc.update("""
                delete from oauth_authorizations
                where refresh_expires_at < ? or (refresh_hash is null and created_at < ?)
                """, Timestamp.from(now), Timestamp.from(abandonedBefore));
    }

    /** Grants (each a refresh token and its access tokens) ended by a change, counted per reason. */
    private void revoked(String reason, int grants) {
        meters.counter("partnerapps.oauth.grants.revoked", "reason", reason).increment(grants);
    }
}
