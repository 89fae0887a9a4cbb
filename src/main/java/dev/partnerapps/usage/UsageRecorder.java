package dev.partnerapps.usage;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Where the token endpoint and the platform APIs report what they did (docs/architecture.md,
 * "Usage"). On the request path a report is a map look-up and an increment: no database, no lock,
 * a small key object the only allocation. {@link UsageFlush} drains the counts every few seconds.
 */
@Component
public class UsageRecorder {

    static final String ISSUED = "issued";
    static final String REFUSED = "refused";
    static final String API = "api";

    static final String APPLICATION = "application";
    static final String ENABLEMENT = "enablement";
    static final String CONSENT = "consent";
    static final String SECRET = "secret";

    /** Refusals before a company is known are counted under this company id. */
    public static final long NO_COMPANY = 0;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final Clock clock;
    private final ConcurrentHashMap<DayKey, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UseKey, Latest> lastUses = new ConcurrentHashMap<>();

    UsageRecorder(Clock clock) {
        this.clock = clock;
    }

    /**
     * An access token was issued. {@code user} is the signed-in user of an authorization_code or
     * refresh_token grant (their consent was used), null for client_credentials.
     */
    public void tokenIssued(long applicationId, long companyId, String grantType, String user) {
        long now = clock.millis();
        count(new DayKey(day(now), applicationId, companyId, ISSUED, grantType));
        used(new UseKey(APPLICATION, applicationId, 0, null), now);
        used(new UseKey(ENABLEMENT, applicationId, companyId, null), now);
        if (user != null) {
            used(new UseKey(CONSENT, applicationId, 0, user), now);
        }
    }

    /** The token endpoint refused a request of a known application with this OAuth error code. */
    public void tokenRefused(long applicationId, long companyId, String errorCode) {
        count(new DayKey(day(clock.millis()), applicationId, companyId, REFUSED, errorCode));
    }

    /** A platform API answered a call made with a verified token of the application for the company. */
    public void apiCalled(long applicationId, long companyId, String api, int status) {
        count(new DayKey(day(clock.millis()), applicationId, companyId, API, api + " " + status));
    }

    /** A client secret authenticated a client (the secret's id). */
    public void secretUsed(long secretId) {
        used(new UseKey(SECRET, secretId, 0, null), clock.millis());
    }

    private void count(DayKey key) {
        LongAdder adder = counts.get(key);
        if (adder == null) {
            adder = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    private void used(UseKey key, long now) {
        Latest latest = lastUses.get(key);
        if (latest == null) {
            latest = lastUses.computeIfAbsent(key, k -> new Latest());
        }
        latest.touch(now);
    }

    private static long day(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }

    /**
     * Takes the counts made since the last call into {@code into} (adding to what is there) and
     * the last uses that moved since the last call (keeping the later time). Only the flush calls
     * it, one call at a time. Each increment lands in exactly one drain: {@link LongAdder#sumThenReset}
     * swaps every cell to zero atomically. A past day's counter that stayed at zero for a whole
     * interval is removed; only a request already past its day for that long could still hold it.
     */
    void drainInto(Map<DayKey, Long> countsInto, Map<UseKey, Long> lastUsesInto) {
        long today = day(clock.millis());
        counts.forEach((key, adder) -> {
            long delta = adder.sumThenReset();
            if (delta != 0) {
                countsInto.merge(key, delta, Long::sum);
            } else if (key.day() < today) {
                counts.remove(key, adder);
            }
        });
        lastUses.forEach((key, latest) -> {
            long at = latest.unflushed();
            if (at != 0) {
                lastUsesInto.merge(key, at, Math::max);
            }
        });
    }

    /** What is counted but not drained yet, for tests. */
    Map<DayKey, Long> peek() {
        Map<DayKey, Long> result = new HashMap<>();
        counts.forEach((key, adder) -> result.put(key, adder.sum()));
        return result;
    }

    /** A counter of usage_daily. */
    record DayKey(long day, long applicationId, long companyId, String kind, String detail) {
    }

    /** A row of last_used; {@code ref} is built only when flushed. */
    record UseKey(String kind, long id, long companyId, String user) {

        String ref() {
            return switch (kind) {
                case ENABLEMENT -> id + ":" + companyId;
                case CONSENT -> id + ":" + user;
                default -> String.valueOf(id);
            };
        }
    }

    /** The latest use in epoch milliseconds, and what the flush already took of it. */
    private static final class Latest {

        private final AtomicLong at = new AtomicLong();
        /** Read and written by the flush only. */
        private long flushed;

        void touch(long now) {
            // Most reports come in time order: one read, and a write only when the time moved.
            long seen = at.get();
            while (now > seen && !at.compareAndSet(seen, now)) {
                seen = at.get();
            }
        }

        long unflushed() {
            long value = at.get();
            if (value > flushed) {
                flushed = value;
                return value;
            }
            return 0;
        }
    }
}
