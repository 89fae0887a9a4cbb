package dev.partnerapps.application;

import dev.partnerapps.company.Actor;
import java.time.Instant;

/** The owner revoked a previous Secret (created at {@code secretCreatedAt}) before its overlap ended: it no longer works. */
public record SecretRevoked(long applicationId, long ownerCompanyId, String name, long secretId,
        Instant secretCreatedAt, Actor actor) {
}
