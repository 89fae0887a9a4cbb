package dev.partnerapps.authserver;

import dev.partnerapps.application.ApplicationModified;
import dev.partnerapps.application.ApplicationRejected;
import dev.partnerapps.application.SecretRevoked;
import dev.partnerapps.application.SecretRotated;
import dev.partnerapps.application.Visibility;
import dev.partnerapps.application.VisibilityChanged;
import dev.partnerapps.company.UserDisabled;
import dev.partnerapps.enablement.ApplicationDisabled;
import dev.partnerapps.enablement.ApplicationEnabled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * docs/product.md section 5, "Changes take effect at once": in the same transaction as the
 * change, the grants it ends are deleted (so refresh answers invalid_grant) and every instance's
 * caches are told (so access tokens stop verifying). That access tokens stay dead afterwards is
 * the enablement generation's job (see {@code Enablements#allowance}). A new Secret ends no
 * grant: tokens already issued stay valid, but the cached client must go so the old Secret fails
 * at once (or, after an overlap, holds the new one too); a revoked Secret likewise. The end of an
 * overlap and an expiry need no change here: the cached client carries them and the Clock decides. A disabled user loses every grant (and with it every access token, which carries its
 * grant's id); re-enabling the user finds nothing left to revive.
 */
@Component
class GrantRevocations {

    private final GrantDeletions grants;
    private final ChangeEpoch epoch;

    GrantRevocations(GrantDeletions grants, ChangeEpoch epoch) {
        this.grants = grants;
        this.epoch = epoch;
    }

    /** Changes that end no grant but change what the caches hold about the application. */
    @EventListener({ApplicationEnabled.class, SecretRotated.class, SecretRevoked.class, ApplicationRejected.class})
    void cachedApplicationChanged() {
        epoch.changed();
    }

    @EventListener
    void on(ApplicationDisabled event) {
        grants.ofApplicationForCompany(event.applicationId(), event.companyId());
    }

    @EventListener
    void on(ApplicationModified event) {
        if (!event.active()) {
            grants.ofApplication(event.applicationId());
        } else if (event.sentBackToReview()) {
            grants.ofApplicationOutsideOwner(event.applicationId(), event.ownerCompanyId(), "sent_back_to_review");
        } else {
            epoch.changed();
        }
    }

    @EventListener
    void on(VisibilityChanged event) {
        if (event.visibility() == Visibility.PRIVATE) {
            grants.ofApplicationOutsideOwner(event.applicationId(), event.ownerCompanyId(), "made_private");
        } else {
            epoch.changed();
        }
    }

    @EventListener
    void on(UserDisabled event) {
        grants.ofUser(event.email(), event.userId());
    }
}
