package dev.partnerapps.paging;

/**
 * Reads a list's filter parameters. An unknown value means "no filter" rather than an error, so
 * a hand-edited or outdated bookmark still shows the list.
 */
public final class Filters {

    private Filters() {
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code yes} or {@code no}; anything else does not filter. */
    public static Boolean yesNo(String value) {
        if ("yes".equals(value)) {
            return Boolean.TRUE;
        }
        if ("no".equals(value)) {
            return Boolean.FALSE;
        }
        return null;
    }
}
