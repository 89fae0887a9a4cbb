package dev.partnerapps.authserver;

import dev.partnerapps.company.Actor;

/** Platform staff rotated the token signing key. */
public record SigningKeyRotated(String kid, Actor actor) {
}
