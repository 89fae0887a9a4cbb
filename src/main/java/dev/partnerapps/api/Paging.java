package dev.partnerapps.api;

import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The platform's v3 collection shape: {@code {"items": [...], "next": "<url or null>"}}, limit/offset paging. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    public record Collection<T>(List<T> items, String next) {
    }

    public record Window(int limit, long offset) {
    }

    /** Validates limit and offset; bad values are a 400 problem, not a silent clamp. */
    public static Window window(Integer limit, Long offset) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        long o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            throw new BadApiRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (o < 0) {
            throw new BadApiRequestException("offset must not be negative");
        }
        return new Window(l, o);
    }

    /** A page of a collection of {@code total} items, with the URL of the next page if there is one. */
    public static <T> Collection<T> page(List<T> items, Window window, long total) {
        String next = null;
        if (window.offset() + window.limit() < total) {
            next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("offset", window.offset() + window.limit())
                    .replaceQueryParam("limit", window.limit())
                    .toUriString();
        }
        return new Collection<>(items, next);
    }
}
