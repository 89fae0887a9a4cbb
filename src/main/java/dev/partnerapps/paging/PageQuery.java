package dev.partnerapps.paging;

import java.util.Locale;
import java.util.Set;

/**
 * What a list page was asked for in its URL: a search text, a sort column and direction, and a
 * 1-based page number. Anything malformed falls back to the default instead of failing: a
 * hand-edited or stale bookmark still shows the list.
 *
 * @param search    trimmed search text, empty for none (at most {@link #MAX_SEARCH} characters)
 * @param sort      one of the columns the page allows
 * @param ascending sort direction
 * @param page      1-based page number, at most {@link #MAX_PAGE}
 */
public record PageQuery(String search, String sort, boolean ascending, int page) {

    public static final int SIZE = 25;
    public static final int MAX_SEARCH = 100;
    /** 10,000 pages of 25: far beyond any real list, and it keeps offsets bounded. */
    public static final int MAX_PAGE = 10_000;

    /** Reads the query parameters {@code q}, {@code sort}, {@code dir} and {@code page}. */
    public static PageQuery of(String q, String sort, String dir, String page, Set<String> sorts, String defaultSort,
            boolean defaultAscending) {
        String search = text(q);
        boolean known = sort != null && sorts.contains(sort);
        boolean ascending = known ? !"desc".equalsIgnoreCase(dir) : defaultAscending;
        if (known && dir == null) {
            ascending = true;
        }
        return new PageQuery(search, known ? sort : defaultSort, ascending, parsePage(page));
    }

    /**
     * Filter text as a query may use it: control characters removed (PostgreSQL refuses a NUL in
     * text, which would otherwise be a 500), trimmed, at most {@link #MAX_SEARCH} characters.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "").strip();
        return clean.length() > MAX_SEARCH ? clean.substring(0, MAX_SEARCH) : clean;
    }

    private static int parsePage(String page) {
        if (page == null) {
            return 1;
        }
        try {
            return Math.max(1, Math.min(Integer.parseInt(page.strip()), MAX_PAGE));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public boolean hasSearch() {
        return !search.isEmpty();
    }

    public long offset() {
        return (long) (page - 1) * SIZE;
    }

    public int limit() {
        return SIZE;
    }

    /** The search as a case-insensitive SQL {@code like} pattern ("contains"), escaped with {@code \}. */
    public String containsPattern() {
        return contains(search);
    }

    /** Any text as a lower-cased "contains" {@code like} pattern, wildcards in it escaped with {@code \}. */
    public static String contains(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + lower + "%";
    }

    /** {@code asc} or {@code desc}, for SQL built from a whitelisted column. */
    public String direction() {
        return ascending ? "asc" : "desc";
    }
}
