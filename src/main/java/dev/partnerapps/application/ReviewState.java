package dev.partnerapps.application;

/**
 * Where an application stands in the platform staff's review.
 * Pages name it by the message {@code reviewState.<constant>}.
 */
public enum ReviewState {
    NOT_SUBMITTED,
    SUBMITTED,
    APPROVED,
    REJECTED
}
