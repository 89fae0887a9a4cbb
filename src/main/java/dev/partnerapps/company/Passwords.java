package dev.partnerapps.company;

final class Passwords {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer limit would silently ignore the rest. */
    static final int MAX_LENGTH = 72;

    private Passwords() {
    }
}
