package dev.partnerapps.paging;

/**
 * Where a row action (Enable, Disable, Grant, …) sends the person back to: the same list with the
 * same search, filter, sort and page, so acting on row 60 of a filtered list does not start over
 * at page 1. The form carries the list's URL; only a URL of that list itself is accepted, so the
 * field can never redirect anywhere else.
 */
public final class ListReturn {

    private ListReturn() {
    }

    /** The list URL to redirect to: {@code requested} if it is {@code listPath} with a plain query, else the list. */
    public static String to(String listPath, String requested) {
        if (requested == null || requested.length() > 2000 || !requested.startsWith(listPath)) {
            return listPath;
        }
        String rest = requested.substring(listPath.length());
        if (rest.isEmpty() || (rest.startsWith("?") && rest.chars().allMatch(ListReturn::isQueryCharacter))) {
            return requested;
        }
        return listPath;
    }

    /** Unreserved, percent-encoded and query separators only: no scheme, host, fragment or line break. */
    private static boolean isQueryCharacter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "?&=%-._~+,".indexOf(c) >= 0;
    }
}
