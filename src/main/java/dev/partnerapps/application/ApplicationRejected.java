package dev.partnerapps.application;

import dev.partnerapps.company.Actor;

/** Platform staff rejected the application; the owner sees the comment on Modify. */
public record ApplicationRejected(long applicationId, long ownerCompanyId, String name, Actor actor, String comment) {
}
