package dev.partnerapps.authserver;

import java.time.Instant;
import java.util.Set;

/** An access token that verified and is still allowed: what the platform APIs act on. */
public record VerifiedToken(String tokenId, String clientId, long applicationId, long companyId, String companyDomain,
        String subject, Set<String> scopes, Instant issuedAt, Instant expiresAt) {

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
