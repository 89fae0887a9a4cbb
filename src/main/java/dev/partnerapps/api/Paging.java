package dev.partnerapps.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The platform's v3 collections: {@code {"items": [...], "next": "<url or null>"}}, paged by
 * keyset. {@code next} carries an opaque {@code cursor} holding the last row's sort key, so a
 * collection answers its next page with "rows after this key" — an index range scan that costs
 * the same on the last page as on the first — and never counts the collection. {@code offset}
 * still works for old clients, but {@code next} always moves on by cursor.
 */
@Component
public class Paging {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    public static final String LIMIT_DOC = "How many items a page holds: 1 to 100, default 25.";
    public static final String CURSOR_DOC = "Where the page starts: the opaque value that the previous page's "
            + "`next` URL carries. Follow `next` as given (keeping listId and other filters); a cursor that was "
            + "changed, or made for another collection or filter, answers 400. Not together with offset.";
    public static final String NEXT_DOC = "URL of the next page (with an opaque cursor), or null on the last page: "
            + "follow it as given.";
    public static final String OFFSET_DOC = "Deprecated: how many items to skip. Costs more the deeper it goes; "
            + "`next` never uses it. Not together with cursor.";

    private final CursorCodec cursors;

    Paging(CursorKey key) {
        this.cursors = new CursorCodec(key);
    }

    @Schema(description = "A page of a collection.")
    public record Collection<T>(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<T> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = NEXT_DOC) String next) {
    }

    /** The sort key of the row a page starts after, as the collection wrote it into the cursor. */
    public record After(List<Object> values) {

        public String text(int index) {
            if (values.size() > index && values.get(index) instanceof String text) {
                return text;
            }
            throw CursorCodec.invalid();
        }

        public long number(int index) {
            if (values.size() > index && values.get(index) instanceof Long number) {
                return number;
            }
            throw CursorCodec.invalid();
        }
    }

    /**
     * One call's page: {@link #fetch()} rows to read (one more than {@link #limit()}, to learn
     * whether a next page exists), starting after {@link #after()} (null: from the start, or at
     * the deprecated {@link #offset()}).
     */
    public record Request(int limit, long offset, After after, String binding) {

        public int fetch() {
            return limit + 1;
        }

        public boolean hasCursor() {
            return after != null;
        }
    }

    /**
     * Validates limit, offset and cursor; bad values are a 400 problem, not a silent clamp.
     * {@code collection}, {@code companyId} and {@code filters} name the request a cursor is for:
     * one made for another collection, company or filter value is refused.
     */
    public Request request(Integer limit, Long offset, String cursor, String collection, long companyId,
            Object... filters) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw new BadApiRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset != null && offset < 0) {
            throw new BadApiRequestException("offset must not be negative");
        }
        if (offset != null && cursor != null) {
            throw new BadApiRequestException("Give either cursor or offset, not both: follow 'next' as given.");
        }
        String binding = binding(collection, companyId, filters);
        After after = cursor == null ? null : new After(cursors.decode(binding, cursor));
        return new Request(l, offset == null ? 0 : offset, after, binding);
    }

    /**
     * The page of {@code rows} (read with {@link Request#fetch()}), with a {@code next} URL
     * starting after the last row shown, if more rows exist. {@code sortKey} gives a row's key
     * values in the order of the query's {@code order by}.
     */
    public <T> Collection<T> page(List<T> rows, Request request, Function<T, List<?>> sortKey) {
        if (rows.size() <= request.limit()) {
            return new Collection<>(rows, null);
        }
        List<T> items = rows.subList(0, request.limit());
        String cursor = cursors.encode(request.binding(), sortKey.apply(items.get(items.size() - 1)));
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset")
                .replaceQueryParam("cursor", cursor)
                .replaceQueryParam("limit", request.limit())
                .toUriString();
        return new Collection<>(List.copyOf(items), next);
    }

    private static String binding(String collection, long companyId, Object... filters) {
        StringJoiner binding = new StringJoiner("\n").add(collection).add(Long.toString(companyId));
        for (Object filter : filters) {
            binding.add(String.valueOf(filter));
        }
        return binding.toString();
    }
}
