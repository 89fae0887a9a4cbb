package dev.partnerapps.company;

/**
 * A Company Administrator disabled a user. Published inside the disabling transaction, after the
 * user's row is written, so listeners can end what the user holds (their OAuth grants) in the
 * same commit: nothing of it is left for a later re-enable to bring back.
 */
public record UserDisabled(long userId, long companyId, String email) {
}
