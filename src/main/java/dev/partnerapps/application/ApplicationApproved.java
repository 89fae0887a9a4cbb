package dev.partnerapps.application;

import dev.partnerapps.company.Actor;

/** Platform staff approved the application: it may now be made Public. */
public record ApplicationApproved(long applicationId, long ownerCompanyId, String name, Actor actor) {
}
