package dev.partnerapps.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * An application as the authorization server needs it, secret digests included. Only the
 * authorization server reads this: it is the module's "client-store" interface, which only
 * authserver declares in its allowed dependencies (checked by ModularityTests).
 *
 * @param secrets         the Secrets that worked when this was read, oldest first (at most two);
 *                        a cached copy stays correct because each says until when it works
 * @param secretCreatedAt when the current Secret was created
 */
@NamedInterface("client-store")
public record OAuthClient(long id, String key, long ownerCompanyId, String name, boolean active,
        Visibility visibility, List<String> redirectUris, Set<String> scopes, List<Secret> secrets,
        Instant secretCreatedAt) {

    /**
     * One Secret: its stable id (what a last-used record refers to), its digest, and the instant
     * it stops authenticating (null: until replaced), the earlier of its overlap's end and its expiry.
     */
    public record Secret(long id, String digest, Instant validUntil) {

        @Override
        public String toString() {
            return "Secret[" + id + ", until " + validUntil + "]";
        }
    }

    @Override
    public String toString() {
        return "OAuthClient[" + id + ", " + key + "]";
    }
}
