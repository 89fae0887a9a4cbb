package dev.partnerapps.enablement;

import dev.partnerapps.company.Actor;

/** A company enabled an application for itself. */
public record ApplicationEnabled(long applicationId, long ownerCompanyId, String applicationName, long companyId,
        Actor actor) {
}
