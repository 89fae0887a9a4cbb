package dev.partnerapps.company;

/**
 * A Company Administrator disabled a user. Published inside the disabling transaction, so
 * listeners end what the user holds (their OAuth grants) in the same commit: nothing of it is
 * left for a later re-enable to bring back. The user's access generation has gone up too
 * ({@link PartnerUser#getAccessGeneration()}), for grants written by requests already under way.
 */
public record UserDisabled(long userId, long companyId, String email) {
}
