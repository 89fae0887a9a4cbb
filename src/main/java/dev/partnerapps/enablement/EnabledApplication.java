package dev.partnerapps.enablement;

import java.util.List;

/** A row of the Enable Applications page. */
record EnabledApplication(long id, String key, String name, String description, List<String> scopes, String publisher,
        boolean own, boolean enabled) {
}
