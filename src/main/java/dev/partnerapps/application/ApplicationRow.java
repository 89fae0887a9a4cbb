package dev.partnerapps.application;

import java.time.Instant;

/** One application as the console's lists show it (docs/lists.md): no redirect URIs, scopes or secrets. */
record ApplicationRow(long id, String key, String name, String description, Visibility visibility,
        boolean active, ReviewState reviewState, String publisher, Instant updatedAt) {
}
