package dev.partnerapps.enablement;

import dev.partnerapps.company.Actor;

/** A company disabled an application for itself: its tokens for that company must stop working at once. */
public record ApplicationDisabled(long applicationId, long ownerCompanyId, String applicationName, long companyId,
        Actor actor) {
}
