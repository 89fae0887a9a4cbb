package dev.partnerapps.application;

import dev.partnerapps.company.Actor;

/** The owner asked for a New Secret: from now on only the new one verifies. */
public record SecretRotated(long applicationId, long ownerCompanyId, String name, Actor actor) {
}
