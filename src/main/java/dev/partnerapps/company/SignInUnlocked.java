package dev.partnerapps.company;

/** Platform staff cleared a sign-in lock before it ran out: for the audit log. */
public record SignInUnlocked(Actor actor, String kind, String subject, Long companyId) {
}
