package dev.partnerapps.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * An application as the authorization server needs it, secret digest included. Only the
 * authorization server reads this: it is the module's "client-store" interface, which only
 * authserver declares in its allowed dependencies (checked by ModularityTests).
 */
@NamedInterface("client-store")
public record OAuthClient(long id, String key, long ownerCompanyId, String name, boolean active,
        Visibility visibility, List<String> redirectUris, Set<String> scopes, String secretDigest,
        Instant secretCreatedAt) {

    @Override
    public String toString() {
        return "OAuthClient[" + id + ", " + key + "]";
    }
}
