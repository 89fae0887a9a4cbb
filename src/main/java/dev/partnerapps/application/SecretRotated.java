package dev.partnerapps.application;

import dev.partnerapps.company.Actor;
import java.time.Instant;

/**
 * The owner asked for a New Secret (docs/product.md section 2).
 *
 * @param overlap            how long the previous Secret was left working
 * @param previousWorksUntil until when the previous Secret works; null if it stopped at once
 * @param expiresAt          when the new Secret expires; null for never
 */
public record SecretRotated(long applicationId, long ownerCompanyId, String name, Actor actor,
        SecretOverlap overlap, Instant previousWorksUntil, Instant expiresAt) {
}
