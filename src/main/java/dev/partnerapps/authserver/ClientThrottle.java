package dev.partnerapps.authserver;

import dev.partnerapps.company.ClientAddress;
import dev.partnerapps.errors.ThrottledRequests;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

/**
 * Limits failed client authentication per client address and per Key, and optionally successful
 * token requests per Key (docs/throttling.md).
 *
 * <p>A failure spends from the address's and the Key's buckets, which on PostgreSQL are shared by
 * every instance: one database round trip per failed attempt, none per successful one. Once a
 * bucket is empty this instance remembers the block in memory until the bucket has refilled
 * enough, and refuses that address or Key with 429 before any Secret is checked or the database
 * is asked: a burst of wrong Secrets costs a map lookup per request, so other clients' token
 * requests are not slowed. Another instance learns of the block at the first failure it sees for
 * the same address or Key, so several instances add at most one attempt each per block.
 */
@Component
class ClientThrottle {

    private final FailureBuckets buckets;
    private final PartnerClients clients;
    private final MeterRegistry meters;
    private final Bandwidth perAddress;
    private final Bandwidth perKey;
    private final Bandwidth ceiling;
    private final Clock clock;
    private final TimeMeter time;
    /** Address or Key → when its block ends. */
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();
    private final Map<String, Bucket> ceilings = new ConcurrentHashMap<>();

    ClientThrottle(DataSource dataSource, ChangeEpoch epoch, PartnerClients clients, MeterRegistry meters,
            ClientThrottleProperties properties, Clock clock) {
        this.clock = clock;
        this.time = FailureBuckets.timeOf(clock);
        this.buckets = bucketsFor(dataSource, epoch, time);
        this.clients = clients;
        this.meters = meters;
        this.perAddress = evenlyRefilled(properties.failuresPerAddress(), properties.failurePeriod());
        this.perKey = evenlyRefilled(properties.failuresPerKey(), properties.failurePeriod());
        this.ceiling = properties.tokensPerKeyPerSecond() > 0
                ? evenlyRefilled(properties.tokensPerKeyPerSecond(), Duration.ofSeconds(1)) : null;
        // Registered up front, so a dashboard's rate() has a series before the first refusal.
        List.of("client_address", "client_key", "token_ceiling").forEach(this::counter);
    }

    /** Buckets in the database on PostgreSQL (several instances), in memory on H2 (one instance). */
    private static FailureBuckets bucketsFor(DataSource dataSource, ChangeEpoch epoch, TimeMeter time) {
        return epoch.postgresql() ? FailureBuckets.inDatabase(dataSource, epoch::databaseUnreachable, time)
                : FailureBuckets.inMemory(time);
    }

    /** How long this request must wait, if its address or Key is blocked; nothing is spent. */
    Optional<Duration> blocked(HttpServletRequest request) {
        if (blockedUntil.isEmpty()) {
            return Optional.empty(); // the usual case: no header to decode on the token path
        }
        Optional<Duration> address = remaining(addressId(request));
        if (address.isPresent()) {
            count("client_address");
            return address;
        }
        String key = presentedKey(request);
        Optional<Duration> byKey = key == null ? Optional.empty() : remaining(keyId(key));
        byKey.ifPresent(wait -> count("client_key"));
        return byKey;
    }

    /**
     * Spends one failure for the request's address and Key; how long to wait if either had none
     * left, in which case this request counts as throttled too. Unknown Keys are counted by
     * address only, so made-up Keys cannot fill the bucket table.
     */
    Optional<Duration> failed(HttpServletRequest request) {
        String address = addressId(request);
        Duration wait = buckets.spend(address, perAddress);
        String limit = "client_address";
        block(address, wait);
        String key = presentedKey(request);
        if (key != null && clients.applicationByKey(key).isPresent()) {
            Duration keyWait = buckets.spend(keyId(key), perKey);
            block(keyId(key), keyWait);
            if (keyWait.compareTo(wait) > 0) {
                wait = keyWait;
                limit = "client_key";
            }
        }
        if (wait.isZero()) {
            return Optional.empty();
        }
        count(limit);
        return Optional.of(wait);
    }

    /** How long to wait if this Key is over its ceiling of successful token requests (when one is set). */
    Optional<Duration> overCeiling(String key) {
        if (ceiling == null) {
            return Optional.empty();
        }
        Bucket bucket = ceilings.computeIfAbsent(key, k -> Bucket.builder().addLimit(ceiling).withCustomTimePrecision(time).build());
        Duration wait = FailureBuckets.waitOf(bucket.tryConsumeAndReturnRemaining(1));
        if (wait.isZero()) {
            return Optional.empty();
        }
        count("token_ceiling");
        return Optional.of(wait);
    }

    @Scheduled(fixedDelayString = "${partnerapps.throttling.clients.cleanup-interval:PT1M}", initialDelay = 60_000)
    void forgetWhatRefilled() {
        Instant now = clock.instant();
        blockedUntil.values().removeIf(until -> !until.isAfter(now));
        if (ceiling != null) {
            ceilings.values().removeIf(bucket -> bucket.getAvailableTokens() >= ceiling.getCapacity());
        }
        buckets.forgetFull();
    }

    private Optional<Duration> remaining(String id) {
        Instant until = blockedUntil.get(id);
        if (until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            blockedUntil.remove(id, until);
            return Optional.empty();
        }
        return Optional.of(left);
    }

    private void block(String id, Duration wait) {
        if (!wait.isZero()) {
            blockedUntil.merge(id, clock.instant().plus(wait), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private void count(String limit) {
        counter(limit).increment();
    }

    private Counter counter(String limit) {
        return ThrottledRequests.counter(meters, limit);
    }

    private static String addressId(HttpServletRequest request) {
        return "address:" + ClientAddress.of(request.getRemoteAddr());
    }

    private static String keyId(String key) {
        return "key:" + key;
    }

    /** The Key the request authenticates with (Basic user name or client_id), if it is plausible. */
    static String presentedKey(HttpServletRequest request) {
        String key = null;
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                key = URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        } else {
            key = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        }
        return key == null || key.isEmpty() || key.length() > 64 ? null : key;
    }

    private static Bandwidth evenlyRefilled(int capacity, Duration period) {
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
    }
}
