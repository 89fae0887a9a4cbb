package dev.partnerapps.authserver;

import dev.partnerapps.application.ApplicationModified;
import dev.partnerapps.application.ApplicationRejected;
import dev.partnerapps.application.SecretRotated;
import dev.partnerapps.application.Visibility;
import dev.partnerapps.application.VisibilityChanged;
import dev.partnerapps.company.UserDisabled;
import dev.partnerapps.enablement.ApplicationDisabled;
import dev.partnerapps.enablement.ApplicationEnabled;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * docs/product.md section 5, "Changes take effect at once": in the same transaction as the
 * change, the grants it ends are deleted (so refresh answers invalid_grant) and every instance's
 * caches are told (so access tokens stop verifying). That access tokens stay dead afterwards is
 * the enablement generation's job (see {@code Enablements#allowance}). A new Secret ends no
 * grant: tokens already issued stay valid, but the cached client must go so the old Secret fails
 * at once. A disabled user loses every grant (and with it every access token, which carries its
 * grant's id); re-enabling the user finds nothing left to revive.
 */
@Component
class GrantRevocations {

    private final JdbcTemplate jdbc;
    private final ChangeEpoch epoch;
    private final MeterRegistry meters;

    GrantRevocations(JdbcTemplate jdbc, ChangeEpoch epoch, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.epoch = epoch;
        this.meters = meters;
    }

    @EventListener
    void on(ApplicationDisabled event) {
        revoked("application_disabled", jdbc.update(
                "delete from oauth_authorizations where application_id = ? and company_id = ?",
                event.applicationId(), event.companyId()));
        epoch.changed();
    }

    @EventListener
    void on(ApplicationEnabled event) {
        epoch.changed();
    }

    @EventListener
    void on(ApplicationModified event) {
        if (!event.active()) {
            revoked("application_inactive",
                    jdbc.update("delete from oauth_authorizations where application_id = ?", event.applicationId()));
        } else if (event.sentBackToReview()) {
            revoked("sent_back_to_review", revokeOtherCompanies(event.applicationId(), event.ownerCompanyId()));
        }
        epoch.changed();
    }

    @EventListener
    void on(SecretRotated event) {
        epoch.changed();
    }

    @EventListener
    void on(VisibilityChanged event) {
        if (event.visibility() == Visibility.PRIVATE) {
            revoked("made_private", revokeOtherCompanies(event.applicationId(), event.ownerCompanyId()));
        }
        epoch.changed();
    }

    @EventListener
    void on(ApplicationRejected event) {
        epoch.changed();
    }

    @EventListener
    void on(UserDisabled event) {
        // By principal_name first: that column is indexed (V7).
        revoked("user_disabled", jdbc.update("delete from oauth_authorizations where principal_name = ? and user_id = ?",
                event.email(), event.userId()));
        epoch.changed();
    }

    private int revokeOtherCompanies(long applicationId, long ownerCompanyId) {
        return jdbc.update("delete from oauth_authorizations where application_id = ? and company_id <> ?",
                applicationId, ownerCompanyId);
    }

    /** Grants (each a refresh token and its access tokens) ended by a change, counted per reason. */
    private void revoked(String reason, int grants) {
        meters.counter("partnerapps.oauth.grants.revoked", "reason", reason).increment(grants);
    }
}
