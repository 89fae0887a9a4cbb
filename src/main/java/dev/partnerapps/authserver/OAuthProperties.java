package dev.partnerapps.authserver;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the authorization server ({@code partnerapps.oauth.*}).
 *
 * @param issuer the issuer URL tokens carry and the resource server checks; empty: derived from
 *     each request (fine on one host, set it behind a load balancer)
 * @param masterKey base64 of 32 random bytes that encrypt the signing keys' private parts
 * @param masterKeyFile where the embedded profile keeps a generated master key when none is set
 * @param cachePollInterval how often each instance checks whether another changed something
 * @param requireIssuer refuse to start without {@code issuer} (the {@code postgres} profile): a
 *     request's {@code Host} header must never become the issuer of tokens
 */
@ConfigurationProperties("partnerapps.oauth")
record OAuthProperties(String issuer, Duration accessTokenTtl, Duration authorizationCodeTtl,
        Duration refreshTokenTtl, String masterKey, String masterKeyFile, Duration cachePollInterval,
        boolean requireIssuer) {

    OAuthProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofHours(1) : accessTokenTtl;
        authorizationCodeTtl = authorizationCodeTtl == null ? Duration.ofMinutes(5) : authorizationCodeTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(180) : refreshTokenTtl;
        cachePollInterval = cachePollInterval == null ? Duration.ofMillis(250) : cachePollInterval;
    }

    boolean hasIssuer() {
        return issuer != null && !issuer.isBlank();
    }

    /** The configured issuer; fails start-up when one is required and missing. */
    String requiredIssuer() {
        if (requireIssuer && !hasIssuer()) {
            throw new IllegalStateException("No issuer: set partnerapps.oauth.issuer (PARTNERAPPS_OAUTH_ISSUER) to the "
                    + "public base URL of the application, e.g. https://partners.example.com");
        }
        return hasIssuer() ? issuer : null;
    }
}
