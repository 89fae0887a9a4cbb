package dev.partnerapps.company;

/**
 * A user's permissions or enabled state changed. Their open sessions carry the old
 * permissions, so they are ended once the change is committed.
 */
record UserAccessChanged(long userId, String email) {
}
