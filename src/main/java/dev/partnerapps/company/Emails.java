package dev.partnerapps.company;

import java.util.Locale;

final class Emails {

    private Emails() {
    }

    /** Emails and domains are compared case-insensitively: they are stored lower-cased. */
    static String normalize(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
