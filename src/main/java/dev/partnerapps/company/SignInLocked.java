package dev.partnerapps.company;

import java.time.Instant;

/**
 * Too many failed sign-ins locked an account or a client address (docs/throttling.md). For the
 * audit log; {@code companyId} is the company of the user with that email, if there is one.
 */
public record SignInLocked(String kind, String subject, Long companyId, int failures, Instant until) {
}
