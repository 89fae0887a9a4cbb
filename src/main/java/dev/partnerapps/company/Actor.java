package dev.partnerapps.company;

/** Who did something, as events and the audit log record it. */
public record Actor(long userId, String email, long companyId) {
}
