package dev.partnerapps.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An application as the authorization server needs it, secret digest included. Only the
 * authorization server's client store reads this.
 */
public record OAuthClient(long id, String key, long ownerCompanyId, String name, boolean active,
        Visibility visibility, List<String> redirectUris, Set<String> scopes, String secretDigest,
        Instant secretCreatedAt) {

    @Override
    public String toString() {
        return "OAuthClient[" + id + ", " + key + "]";
    }
}
