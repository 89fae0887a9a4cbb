package dev.partnerapps.company;

final class Domains {

    /**
     * A DNS name of at least two labels: letters, digits and inner hyphens, each label 1-63
     * characters, a top-level label of letters. Case-insensitive; stored lower-cased.
     */
    static final String PATTERN =
            "^(?i)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$";

    private Domains() {
    }
}
