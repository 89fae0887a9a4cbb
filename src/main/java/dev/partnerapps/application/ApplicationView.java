package dev.partnerapps.application;

import java.time.Instant;
import java.util.List;

/** An application as pages and other modules see it: everything but the secret digest. */
public record ApplicationView(long id, String key, long ownerCompanyId, String name, String description,
        Visibility visibility, boolean active, List<String> redirectUris, List<String> scopes,
        ReviewState reviewState, String reviewComment, long version, Instant updatedAt,
        String updatedBy) {

    /** docs/product.md section 4: a company may use its own active applications and every active Public one. */
    public boolean usableBy(long companyId) {
        return active && (ownerCompanyId == companyId || visibility == Visibility.PUBLIC);
    }
}
