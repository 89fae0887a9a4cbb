package dev.partnerapps.application;

import dev.partnerapps.company.Actor;

/** The owner submitted the application for review by platform staff. */
public record ApplicationSubmitted(long applicationId, long ownerCompanyId, String name, Actor actor) {
}
