package dev.partnerapps.authserver;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits at the token, introspection and revocation endpoints (docs/throttling.md).
 *
 * @param failuresPerAddress failed client authentications one client address may make in a burst;
 *                           the allowance refills evenly over {@code failurePeriod}
 * @param failuresPerKey     the same per Key, from all addresses together: higher, because one
 *                           attacker's failures for a Key also hold back the Key's real client
 * @param failurePeriod      the time over which a spent allowance refills completely
 * @param tokensPerKeyPerSecond a ceiling on successful token requests per Key and instance;
 *                           0 (the default) for none
 */
@ConfigurationProperties("partnerapps.throttling.clients")
record ClientThrottleProperties(
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("50") int failuresPerKey,
        @DefaultValue("5m") Duration failurePeriod,
        @DefaultValue("0") int tokensPerKeyPerSecond) {
}
