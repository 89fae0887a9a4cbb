package dev.partnerapps.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list as the page shows it: the rows, where they sit in the whole ("1–25 of
 * 10,000"), links to other pages and sort orders that keep every other filter of the URL.
 */
public record ListPage<T>(List<T> rows, PageQuery query, long total, boolean filtered) {

    /**
     * A page of a list that is small by nature and already in memory (the signing keys, which
     * are retired by age), so that it looks and pages like every other list.
     */
    public static <T> ListPage<T> of(List<T> all, PageQuery query) {
        int from = (int) Math.min(all.size(), query.offset());
        int to = Math.min(all.size(), from + query.limit());
        return new ListPage<>(List.copyOf(all.subList(from, to)), query, all.size(), false);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Position of the first row, 1-based; 0 when empty. */
    public long from() {
        return rows.isEmpty() ? 0 : query.offset() + 1;
    }

    public long to() {
        return query.offset() + rows.size();
    }

    public int number() {
        return query.page();
    }

    public int totalPages() {
        return (int) Math.min(PageQuery.MAX_PAGE, Math.max(1, (total + PageQuery.SIZE - 1) / PageQuery.SIZE));
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < totalPages();
    }

    /**
     * The page numbers to link: the first, the last, and two either side of the current one;
     * a 0 stands for a gap ("…").
     */
    public List<Integer> pageNumbers() {
        int last = totalPages();
        int current = Math.min(query.page(), last);
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - current) <= 2) {
                numbers.add(n);
            } else if (numbers.get(numbers.size() - 1) != 0) {
                numbers.add(0);
            }
        }
        return numbers;
    }

    public String pageHref(int page) {
        return CurrentUrl.with("page", page <= 1 ? null : String.valueOf(page));
    }

    /** The link a column header carries: sorts by it, ascending first, the other way if already so. */
    public String sortHref(String column) {
        boolean ascending = !column.equals(query.sort()) || !query.ascending();
        return CurrentUrl.with("sort", column, "dir", ascending ? "asc" : "desc", "page", null);
    }

    /** The {@code aria-sort} value of a column header. */
    public String ariaSort(String column) {
        if (!column.equals(query.sort())) {
            return "none";
        }
        return query.ascending() ? "ascending" : "descending";
    }

    /** The list's own URL with no filter: where "Clear filter" leads. */
    public String clearHref() {
        return CurrentUrl.path();
    }
}
