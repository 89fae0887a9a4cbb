package dev.partnerapps.application;

import dev.partnerapps.company.Actor;

/** A Development Partner registered an application; it starts enabled for its owner. */
public record ApplicationRegistered(long applicationId, long ownerCompanyId, String name, Actor actor) {
}
