package dev.partnerapps.application;

/**
 * Who can see an application: its owner only, or every company (after staff approval).
 * Pages name it by the message {@code visibility.<constant>}.
 */
public enum Visibility {
    PRIVATE,
    PUBLIC
}
